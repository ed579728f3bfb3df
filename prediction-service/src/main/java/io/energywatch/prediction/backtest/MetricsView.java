package io.energywatch.prediction.backtest;

import io.energywatch.analytics.forecast.ForecastMetrics;
import org.jspecify.annotations.Nullable;

/** Metrics as JSON: an undefined metric (no non-zero actual, a constant actual) is null, since JSON has no NaN. */
public record MetricsView(int steps, @Nullable Double mapePercent, @Nullable Double smapePercent,
                          @Nullable Double maeMwh, @Nullable Double rmseMwh, @Nullable Double r2) {

    public static MetricsView of(ForecastMetrics m) {
        return new MetricsView(m.steps(), finite(m.mapePercent()), finite(m.smapePercent()), finite(m.mae()),
                finite(m.rmse()), finite(m.r2()));
    }

    static @Nullable Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}

package io.energywatch.prediction.backtest;

import io.energywatch.analytics.forecast.AlgorithmBacktest;
import io.energywatch.analytics.forecast.BacktestResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The demo's table: the latest backtest, one row per algorithm and baseline, best test MAPE first. */
public record BacktestSummary(String series, int horizonDays, LocalDate trainFrom, LocalDate trainTo,
                              LocalDate testFrom, LocalDate testTo, int trainRows, int testRows, String champion,
                              Instant ranAt, List<Row> table) {

    public record Row(String algorithm, boolean baseline, boolean champion, @Nullable Double validationMapePercent,
                      @Nullable Double testMapePercent, @Nullable Double testSmapePercent, @Nullable Double testMaeMwh,
                      @Nullable Double testRmseMwh, @Nullable Double testR2, double coverage80Percent,
                      double coverage95Percent) {
    }

    static BacktestSummary of(String series, BacktestResult r, Instant ranAt) {
        List<Row> rows = r.algorithms().stream()
                .sorted(java.util.Comparator.comparingDouble((AlgorithmBacktest a) -> a.test().mapePercent()))
                .map(a -> new Row(a.algorithm().id(), a.algorithm().baseline(), a.algorithm() == r.champion(),
                        MetricsView.finite(a.validation().mapePercent()), MetricsView.finite(a.test().mapePercent()),
                        MetricsView.finite(a.test().smapePercent()), MetricsView.finite(a.test().mae()),
                        MetricsView.finite(a.test().rmse()), MetricsView.finite(a.test().r2()),
                        a.coverage80Percent(), a.coverage95Percent()))
                .toList();
        return new BacktestSummary(series, r.horizonDays(), r.trainFrom(), r.trainTo(), r.testFrom(), r.testTo(),
                r.trainRows(), r.testRows(), r.champion().id(), ranAt, rows);
    }
}

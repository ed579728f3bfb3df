package io.energywatch.analytics.forecast;

import java.util.List;

/**
 * One algorithm's backtest: pooled metrics over the cross-validation folds of the training window (what the champion is
 * chosen on), metrics over the test window, the test coverage of the conformal intervals, and every test step.
 */
public record AlgorithmBacktest(
        Algorithm algorithm,
        ForecastMetrics validation,
        ForecastMetrics test,
        ConformalIntervals intervals,
        double coverage80Percent,
        double coverage95Percent,
        List<BacktestStep> steps) {

    public AlgorithmBacktest {
        steps = List.copyOf(steps);
    }
}

package io.energywatch.prediction.backtest;

import io.energywatch.analytics.forecast.AlgorithmBacktest;
import io.energywatch.analytics.forecast.BacktestResult;
import io.energywatch.analytics.forecast.BacktestStep;
import java.time.LocalDate;
import java.util.List;

/** A backtest's answer: per algorithm and baseline, validation and test metrics and every test step. */
public record BacktestResponse(String series, int horizonDays, LocalDate trainFrom, LocalDate trainTo,
                               LocalDate testFrom, LocalDate testTo, int trainRows, int testRows, String champion,
                               List<String> features, List<AlgorithmView> algorithms) {

    public record AlgorithmView(String algorithm, boolean baseline, MetricsView validation, MetricsView test,
                                double coverage80Percent, double coverage95Percent, List<BacktestStep> steps) {

        static AlgorithmView of(AlgorithmBacktest a) {
            return new AlgorithmView(a.algorithm().id(), a.algorithm().baseline(), MetricsView.of(a.validation()),
                    MetricsView.of(a.test()), a.coverage80Percent(), a.coverage95Percent(), a.steps());
        }
    }

    static BacktestResponse of(String series, BacktestResult r) {
        return new BacktestResponse(series, r.horizonDays(), r.trainFrom(), r.trainTo(), r.testFrom(), r.testTo(),
                r.trainRows(), r.testRows(), r.champion().id(), r.features(),
                r.algorithms().stream().map(AlgorithmView::of).toList());
    }
}

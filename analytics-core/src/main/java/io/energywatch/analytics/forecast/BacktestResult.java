package io.energywatch.analytics.forecast;

import java.time.LocalDate;
import java.util.List;

/** A backtest of several algorithms on one series, with the champion chosen by validation MAPE. */
public record BacktestResult(
        int horizonDays,
        LocalDate trainFrom,
        LocalDate trainTo,
        LocalDate testFrom,
        LocalDate testTo,
        int trainRows,
        int testRows,
        List<String> features,
        Algorithm champion,
        List<AlgorithmBacktest> algorithms) {

    public BacktestResult {
        features = List.copyOf(features);
        algorithms = List.copyOf(algorithms);
    }

    public AlgorithmBacktest of(Algorithm algorithm) {
        return algorithms.stream().filter(a -> a.algorithm() == algorithm).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(algorithm + " was not backtested"));
    }
}

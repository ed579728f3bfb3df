package io.energywatch.prediction.backtest;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A backtest: train on [trainFrom, trainTo], test on [testFrom, testTo] (local days, inclusive), every algorithm of
 * {@code algorithms} (all of them when absent) at {@code horizonDays} (1 when absent).
 */
public record BacktestRequest(@Nullable String series, @Nullable LocalDate trainFrom, @Nullable LocalDate trainTo,
                              @Nullable LocalDate testFrom, @Nullable LocalDate testTo,
                              @Nullable List<String> algorithms, @Nullable Integer horizonDays) {
}

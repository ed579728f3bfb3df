package io.energywatch.analytics.forecast;

import java.time.LocalDate;

/** One test day of a backtest: prediction, actual, error (actual − predicted) and conformal intervals, MWh. */
public record BacktestStep(LocalDate date, double actualMwh, double predictedMwh, double errorMwh,
                           double lower80Mwh, double upper80Mwh, double lower95Mwh, double upper95Mwh) {
}

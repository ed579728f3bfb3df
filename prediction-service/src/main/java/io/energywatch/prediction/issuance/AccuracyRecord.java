package io.energywatch.prediction.issuance;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The realised error of one issued step once its day's actual was complete. The error is actual minus forecast, as in
 * backtests: positive means the forecast was too low. The id is the step's (forecast id and target day), so scoring a
 * step twice writes the same record.
 *
 * @param percentError 100 × error / actual; null when the actual is 0
 */
public record AccuracyRecord(String id, String forecastId, String series, String modelId, String modelVersion,
                             String algorithm, int horizonDays, int leadDays, LocalDate baseDay, LocalDate targetDate,
                             double forecastMwh, double actualMwh, double errorMwh, double absErrorMwh,
                             @Nullable Double percentError, boolean inside80, boolean inside95,
                             WeatherBasis weatherBasis) {

    public static String idOf(String forecastId, LocalDate targetDate) {
        return forecastId + "|" + targetDate;
    }

    /** Scores a step against its day's actual energy; bounds are inclusive. */
    public static AccuracyRecord score(IssuedForecast forecast, IssuedForecast.Step step, double actualMwh) {
        if (!Double.isFinite(actualMwh)) {
            throw new IllegalArgumentException("no actual for " + step.date() + " of " + forecast.series());
        }
        double error = actualMwh - step.energyMwh();
        Double percent = actualMwh == 0 ? null : 100 * error / actualMwh;
        return new AccuracyRecord(idOf(forecast.id(), step.date()), forecast.id(), forecast.series(),
                forecast.modelId(), forecast.modelVersion(), forecast.algorithm(), forecast.horizonDays(),
                step.leadDays(), forecast.baseDay(), step.date(), step.energyMwh(), actualMwh, error, Math.abs(error),
                percent, step.lower80Mwh() <= actualMwh && actualMwh <= step.upper80Mwh(),
                step.lower95Mwh() <= actualMwh && actualMwh <= step.upper95Mwh(), step.weatherBasis());
    }
}

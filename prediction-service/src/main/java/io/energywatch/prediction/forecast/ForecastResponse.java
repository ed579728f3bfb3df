package io.energywatch.prediction.forecast;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A forecast and the model version that made it; each step says whether its temperature was known or climatological. */
public record ForecastResponse(String series, String modelId, String modelVersion, String algorithm,
                               Instant issuedAt, LocalDate lastKnownDay, int horizonDays, List<Step> steps) {

    public record Step(LocalDate date, double energyMwh, double lower80Mwh, double upper80Mwh, double lower95Mwh,
                       double upper95Mwh, double tempMeanC, WeatherBasis weatherBasis) {
    }
}

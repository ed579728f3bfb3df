package io.energywatch.analytics.forecast;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.LocalDate;

/** One forecast day with its intervals and what the temperature behind it was: a given forecast or climatology. */
public record ForecastStep(LocalDate date, double energyMwh, double lower80Mwh, double upper80Mwh, double lower95Mwh,
                           double upper95Mwh, double tempMeanC, WeatherBasis weatherBasis) {
}

package io.energywatch.prediction.weather;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The weather forecast of one region for one target day, as issued at {@code issuedAt}. */
public record ForecastWeather(String regionCode, LocalDate targetDate, Instant issuedAt, double tempMinC,
                              double tempMaxC, double tempMeanC, @Nullable Double windKmh,
                              @Nullable Double humidityPercent, @Nullable Double cloudCoverPercent) {
}

package io.energywatch.prediction.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The weather forecasts prediction-service has consumed. */
public interface WeatherForecasts {

    /** Keeps forecasts; a forecast kept already (same region, target day and issue time) is written again unchanged. */
    void saveAll(List<ForecastWeather> forecasts);

    /**
     * For each of {@code regions} and each target day in {@code from..to}, the newest forecast issued strictly before
     * {@code issuedBefore}; a region or day without one is absent. Key: region code, then target day.
     */
    Map<String, Map<LocalDate, ForecastWeather>> newest(Collection<String> regions, LocalDate from, LocalDate to,
                                                        Instant issuedBefore);
}

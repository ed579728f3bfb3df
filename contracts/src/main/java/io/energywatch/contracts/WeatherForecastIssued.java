package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * One weather forecast of one region for one local (Europe/Paris) target day, as issued at {@code issuedAt}. Topic
 * {@code energywatch.weather-forecasts.raw.v1}, key: region code. A region and target day usually get several forecasts
 * (one per issue); a reader that must not peek into the future keeps the newest issued at or before its own time.
 */
public record WeatherForecastIssued(
        String eventId,
        @JsonPropertyDescription("INSEE region code") String regionCode,
        @JsonPropertyDescription("local (Europe/Paris) day the forecast is for") LocalDate targetDate,
        @JsonPropertyDescription("when the forecast was issued (UTC)") Instant issuedAt,
        double tempMinC,
        double tempMaxC,
        @JsonPropertyDescription("daily mean temperature forecast") double tempMeanC,
        @Nullable Double windKmh,
        @Nullable Double humidityPercent,
        @Nullable Double cloudCoverPercent,
        @JsonPropertyDescription("weather-forecast-csv, sim, ...") String source,
        Lineage lineage) implements EnergyWatchEvent {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public WeatherForecastIssued {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(targetDate, "targetDate");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lineage, "lineage");
        if (targetDate.isBefore(LocalDate.ofInstant(issuedAt, PARIS))) {
            throw new IllegalArgumentException("a forecast for " + targetDate + " cannot be issued after that day ("
                    + issuedAt + ")");
        }
        eventId = eventId == null ? id(regionCode, targetDate, issuedAt, source) : eventId;
    }

    public static String id(String regionCode, LocalDate targetDate, Instant issuedAt, String source) {
        return EventIds.of("weather-forecast", regionCode, targetDate, issuedAt, source);
    }

    @Override
    public Instant eventTime() {
        return issuedAt;
    }
}

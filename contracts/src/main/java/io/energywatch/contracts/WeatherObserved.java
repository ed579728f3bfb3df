package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The observed weather of one region on one local (Europe/Paris) day. Topic {@code energywatch.weather.raw.v1}, key:
 * region code. Measures a source does not give are {@code null}.
 */
public record WeatherObserved(
        String eventId,
        @JsonPropertyDescription("INSEE region code") String regionCode,
        @JsonPropertyDescription("local (Europe/Paris) day") LocalDate date,
        @Nullable Double tempMinC,
        @Nullable Double tempMaxC,
        @JsonPropertyDescription("daily mean; (min+max)/2 when the source gives no mean") @Nullable Double tempMeanC,
        @Nullable Double windKmh,
        @Nullable Double humidityPercent,
        @Nullable Double visibilityKm,
        @Nullable Double cloudCoverPercent,
        @JsonPropertyDescription("day length in minutes") @Nullable Integer dayDurationMin,
        @JsonPropertyDescription("historique-meteo, odre-temperature, sim, ...") String source,
        @JsonPropertyDescription("stations or source regions averaged into this record") List<String> stations,
        List<QualityFlag> flags,
        Lineage lineage) implements EnergyWatchEvent {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    public WeatherObserved {
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lineage, "lineage");
        stations = stations == null ? List.of() : List.copyOf(stations);
        flags = flags == null ? List.of() : List.copyOf(flags);
        if (tempMeanC == null && tempMinC != null && tempMaxC != null) {
            tempMeanC = (tempMinC + tempMaxC) / 2;
        }
        eventId = eventId == null ? id(regionCode, date, source) : eventId;
    }

    public static String id(String regionCode, LocalDate date, String source) {
        return EventIds.of("weather", regionCode, date, source);
    }

    @Override
    public Instant eventTime() {
        return date.atStartOfDay(PARIS).toInstant();
    }
}

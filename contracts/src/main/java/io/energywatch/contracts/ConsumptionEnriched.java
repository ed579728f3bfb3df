package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A consumption measurement fused with its region's weather, the calendar and social movements of its local day. Topic
 * {@code energywatch.consumption.enriched.v1}, key: series id. Carries no processing time, so a replay yields the same
 * records.
 */
public record ConsumptionEnriched(
        String eventId,
        ConsumptionMeasured measurement,
        @JsonPropertyDescription("the local (Europe/Paris) day of the interval start") LocalDate localDate,
        WeatherContext weather,
        CalendarContext calendar,
        SocialContext social) implements EnergyWatchEvent {

    public ConsumptionEnriched {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(localDate, "localDate");
        Objects.requireNonNull(weather, "weather");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(social, "social");
        eventId = eventId == null ? EventIds.of("enriched", measurement.eventId()) : eventId;
    }

    @Override
    public Instant eventTime() {
        return measurement.intervalStart();
    }

    /** Weather of the day; {@code missing} is true and every measure null when none was known at fusion time. */
    public record WeatherContext(
            boolean missing,
            @Nullable Double tempMinC,
            @Nullable Double tempMaxC,
            @Nullable Double tempMeanC,
            @Nullable Double windKmh,
            @Nullable Double humidityPercent,
            @Nullable Double cloudCoverPercent,
            @JsonPropertyDescription("mean visibility, km; absent from records written before the field existed")
            @Nullable Double visibilityKm,
            @JsonPropertyDescription("heating degree days against the configured base") @Nullable Double heatingDegreeDays,
            @JsonPropertyDescription("cooling degree days against the configured base") @Nullable Double coolingDegreeDays,
            @JsonPropertyDescription("how the value was obtained: region, population-weighted-national, ...") @Nullable String basis,
            List<String> sources) {

        public WeatherContext {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** Calendar features of the local day. */
    public record CalendarContext(
            DayOfWeek dayOfWeek,
            boolean weekend,
            boolean publicHoliday,
            @Nullable String holidayName,
            @JsonPropertyDescription("a working day between a holiday and a weekend") boolean bridgeDay,
            @JsonPropertyDescription("day length at the region's reference point, minutes") @Nullable Double dayLengthMin) {
    }

    /** Social movements covering the local day. */
    public record SocialContext(
            boolean strike,
            @JsonPropertyDescription("highest striker rate among the movements, percent") @Nullable Double strikerRatePercent,
            List<String> motives,
            List<String> movementIds) {

        public SocialContext {
            motives = motives == null ? List.of() : List.copyOf(motives);
            movementIds = movementIds == null ? List.of() : List.copyOf(movementIds);
        }

        public static SocialContext none() {
            return new SocialContext(false, null, List.of(), List.of());
        }
    }
}

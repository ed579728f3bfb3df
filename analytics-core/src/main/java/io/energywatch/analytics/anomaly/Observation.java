package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.ConsumptionEnriched;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a series as the detector sees it: the value with the context that explains it. Missing values are
 * {@code null} (never 0) and so are degree days when no weather was known.
 */
public record Observation(
        Instant timestamp,
        @Nullable Double value,
        @Nullable Double heatingDegreeDays,
        @Nullable Double coolingDegreeDays,
        boolean holiday,
        boolean weekend,
        boolean strike) {

    public Observation {
        Objects.requireNonNull(timestamp, "timestamp");
    }

    /** A bare value without weather, calendar or social context (a generic upload). */
    public static Observation of(Instant timestamp, @Nullable Double value) {
        return new Observation(timestamp, value, null, null, false, false, false);
    }

    /** The detector's view of an enriched consumption event; the value is the interval's average power in MW. */
    public static Observation from(ConsumptionEnriched event) {
        var weather = event.weather();
        return new Observation(
                event.measurement().intervalStart(),
                event.measurement().powerMw(),
                weather.missing() ? null : weather.heatingDegreeDays(),
                weather.missing() ? null : weather.coolingDegreeDays(),
                event.calendar().publicHoliday(),
                event.calendar().weekend(),
                event.social().strike());
    }
}

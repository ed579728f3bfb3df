package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One consumption value of one series over one interval, as accepted by ingestion. Topic
 * {@code energywatch.consumption.raw.v1}, key: series id.
 *
 * <p>The value is kept as read ({@code value}, {@code unit}) and normalised to average power ({@code powerMw}) and energy
 * ({@code energyMwh}) over the interval, so consumers never convert units themselves. A missing value is {@code null} in
 * all three with the {@link QualityFlag#MISSING} flag.
 */
public record ConsumptionMeasured(
        String eventId,
        @JsonPropertyDescription("{carrier}:{area}:{source}:{resolution}") String seriesId,
        Carrier carrier,
        @JsonPropertyDescription("FR, an INSEE region code, or meter-{id}") String area,
        @JsonPropertyDescription("INSEE code of the region the series belongs to; null for national series") @Nullable String regionCode,
        String source,
        @JsonPropertyDescription("ISO-8601 duration of one interval") String resolution,
        @JsonPropertyDescription("interval start, UTC") Instant intervalStart,
        @JsonPropertyDescription("interval end (exclusive), UTC") Instant intervalEnd,
        @JsonPropertyDescription("the value as read from the source, in unit") @Nullable Double value,
        MeasurementUnit unit,
        @JsonPropertyDescription("average power over the interval, MW") @Nullable Double powerMw,
        @JsonPropertyDescription("energy over the interval, MWh") @Nullable Double energyMwh,
        QualityStatus quality,
        List<QualityFlag> flags,
        Lineage lineage) implements EnergyWatchEvent {

    public ConsumptionMeasured {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(carrier, "carrier");
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(intervalEnd, "intervalEnd");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(lineage, "lineage");
        if (!intervalEnd.isAfter(intervalStart)) {
            throw new IllegalArgumentException("intervalEnd " + intervalEnd + " is not after intervalStart " + intervalStart);
        }
        if (value == null && (powerMw != null || energyMwh != null)) {
            throw new IllegalArgumentException("a missing value cannot have a power or energy");
        }
        flags = flags == null ? List.of() : List.copyOf(flags);
        if (value == null && !flags.contains(QualityFlag.MISSING)) {
            throw new IllegalArgumentException("a missing value must carry the MISSING flag");
        }
        eventId = eventId == null ? id(seriesId, intervalStart) : eventId;
    }

    /**
     * Builds a measurement of {@code series} over [{@code start}, {@code end}) from a value as read, normalising it to MW and
     * MWh with the interval's real length (so a 23-hour or 25-hour local day is handled).
     */
    public static ConsumptionMeasured of(SeriesId series, @Nullable String regionCode, Instant start, Instant end,
                                         @Nullable Double value, MeasurementUnit unit, QualityStatus quality,
                                         List<QualityFlag> flags, Lineage lineage) {
        double hours = java.time.Duration.between(start, end).toSeconds() / 3600.0;
        Double mw = value == null ? null : unit.toMw(value, hours);
        Double mwh = value == null ? null : unit.toMwh(value, hours);
        List<QualityFlag> allFlags = flags;
        if (value == null && !flags.contains(QualityFlag.MISSING)) {
            allFlags = new java.util.ArrayList<>(flags);
            allFlags.add(QualityFlag.MISSING);
        }
        return new ConsumptionMeasured(id(series.toString(), start), series.toString(), series.carrier(), series.area(),
                regionCode, series.source(), series.resolution(), start, end, value, unit, mw, mwh, quality, allFlags,
                lineage);
    }

    public static String id(String seriesId, Instant intervalStart) {
        return EventIds.of("consumption", seriesId, intervalStart);
    }

    public SeriesId series() {
        return SeriesId.parse(seriesId);
    }

    public boolean missing() {
        return value == null;
    }

    @Override
    public Instant eventTime() {
        return intervalStart;
    }
}

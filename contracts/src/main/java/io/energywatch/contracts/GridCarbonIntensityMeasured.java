package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The measured carbon intensity of an area's electricity for one hour: the mean of the values a source published for
 * that hour (RTE éCO2mix's {@code Taux de CO2 (g/kWh)}, every quarter- or half-hour). Topic
 * {@code energywatch.grid-carbon-intensity.v1}, key: area. RTE publishes an hour again as it consolidates its data, so an
 * area and hour may get one record per status; a reader keeps the most final.
 */
public record GridCarbonIntensityMeasured(
        String eventId,
        @JsonPropertyDescription("FR for the national grid, or an INSEE region code") String area,
        @JsonPropertyDescription("start of the hour, UTC (a whole hour)") Instant hourStart,
        @JsonPropertyDescription("mean carbon intensity of the hour's values, gCO2eq/kWh") double intensityGPerKwh,
        @JsonPropertyDescription("values averaged (4 on a quarter-hour grid, 2 on a half-hour one)") int samples,
        @JsonPropertyDescription("the least final status among the hour's values") QualityStatus quality,
        @JsonPropertyDescription("eco2mix, ...") String source,
        @JsonPropertyDescription("the file and line of the hour's last value") Lineage lineage)
        implements EnergyWatchEvent {

    public GridCarbonIntensityMeasured {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(hourStart, "hourStart");
        Objects.requireNonNull(quality, "quality");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(lineage, "lineage");
        if (hourStart.getEpochSecond() % 3600 != 0 || hourStart.getNano() != 0) {
            throw new IllegalArgumentException("hourStart " + hourStart + " is not a whole UTC hour");
        }
        if (!Double.isFinite(intensityGPerKwh) || intensityGPerKwh < 0) {
            throw new IllegalArgumentException("intensityGPerKwh " + intensityGPerKwh
                    + " is not a carbon intensity (a finite number of gCO2eq/kWh, never negative)");
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples " + samples + ": an hour's mean needs at least one value");
        }
        eventId = eventId == null ? id(area, hourStart, quality, source) : eventId;
    }

    public static String id(String area, Instant hourStart, QualityStatus quality, String source) {
        return EventIds.of("grid-carbon-intensity", area, hourStart, quality, source);
    }

    /** The end of the hour (exclusive). */
    public Instant hourEnd() {
        return hourStart.plus(Duration.ofHours(1));
    }

    @Override
    public Instant eventTime() {
        return hourStart;
    }
}

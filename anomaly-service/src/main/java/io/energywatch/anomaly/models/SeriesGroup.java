package io.energywatch.anomaly.models;

import io.energywatch.contracts.SeriesId;

/**
 * The series one group forest serves: same carrier, source and resolution (e.g. every éCO2mix regional half-hourly
 * electricity series). Its features are scale-free, so regions of different sizes share one model.
 */
public record SeriesGroup(String carrier, String source, String resolution) {

    public static SeriesGroup of(String seriesId) {
        SeriesId id = SeriesId.parse(seriesId);
        return new SeriesGroup(id.carrier().code(), id.source(), id.resolution());
    }

    /** Parses the {@code carrier:source:resolution} form used by the API. */
    public static SeriesGroup parse(String group) {
        String[] parts = group == null ? new String[0] : group.split(":", -1);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("group '" + group + "' is not {carrier}:{source}:{resolution}");
        }
        // Validates the parts through a series id of the group.
        SeriesId.parse(parts[0] + ":FR:" + parts[1] + ":" + parts[2]);
        return new SeriesGroup(parts[0], parts[1], parts[2]);
    }

    /** The registry id of the group's forest. */
    public String modelId() {
        return "anomaly-forest." + carrier + "." + source + "." + resolution;
    }

    @Override
    public String toString() {
        return carrier + ":" + source + ":" + resolution;
    }
}

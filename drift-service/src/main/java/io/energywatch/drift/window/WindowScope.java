package io.energywatch.drift.window;

import io.energywatch.contracts.SeriesId;
import org.jspecify.annotations.Nullable;

/**
 * Which series of the window a model is compared with: the series it was trained on, not every series of the stream (a
 * national forecaster's load is ten times a region's). A null part matches anything. A daily scope compares day rows
 * (energy summed over each complete local day, other features averaged), as daily forecasters are trained on.
 */
public record WindowScope(@Nullable String carrier, @Nullable String area, @Nullable String source,
                          @Nullable String resolution, boolean daily) {

    /** Every series of the window, row by row. */
    public static final WindowScope ALL = new WindowScope(null, null, null, null, false);

    boolean matches(SeriesId series) {
        return (carrier == null || carrier.equals(series.carrier().code()))
                && (area == null || area.equals(series.area()))
                && (source == null || source.equals(series.source()))
                && (resolution == null || resolution.equals(series.resolution()));
    }

    /** The scope as {@code carrier:area:source:resolution}, {@code *} for any part. */
    @Override
    public String toString() {
        return part(carrier) + ":" + part(area) + ":" + part(source) + ":" + part(resolution) + (daily ? " daily" : "");
    }

    private static String part(@Nullable String value) {
        return value == null ? "*" : value;
    }
}

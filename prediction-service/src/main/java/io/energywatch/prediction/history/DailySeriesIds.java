package io.energywatch.prediction.history;

import io.energywatch.contracts.SeriesId;

/** The daily ({@code P1D}) series derived from a series id, as DESIGN.md names it. */
public final class DailySeriesIds {

    public static final String DAILY = "P1D";

    private DailySeriesIds() {
    }

    /** {@code electricity:FR:odre:PT30M} → {@code electricity:FR:odre:P1D}; a P1D id is returned as is. */
    public static String daily(String seriesId) {
        SeriesId.parse(seriesId);
        int last = seriesId.lastIndexOf(':');
        return seriesId.substring(0, last + 1) + DAILY;
    }
}

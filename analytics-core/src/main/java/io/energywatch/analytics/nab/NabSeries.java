package io.energywatch.analytics.nab;

import java.time.LocalDateTime;
import java.util.List;

/** One NAB data file: its relative name, rows and labelled windows. */
public record NabSeries(String name, List<LocalDateTime> timestamps, double[] values, List<NabWindow> windows) {

    public NabSeries {
        timestamps = List.copyOf(timestamps);
        windows = List.copyOf(windows);
        if (timestamps.size() != values.length) {
            throw new IllegalArgumentException(name + ": " + timestamps.size() + " timestamps, " + values.length
                    + " values");
        }
    }

    public int rows() {
        return values.length;
    }
}

package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;

import java.time.Instant;
import java.util.Objects;

/**
 * The label of one injected anomaly on one series: every record of the series whose interval starts in
 * [{@code start}, {@code end}) carries {@code INJECTED_ANOMALY}, and no other does. A half-hourly anomaly also labels the
 * daily series of its region over the local days it touches.
 *
 * @param seriesId  e.g. {@code electricity:93:sim:PT30M}
 * @param type      what kind of departure was injected
 * @param start     first affected interval start, UTC
 * @param end       end of the last affected interval (exclusive), UTC
 * @param magnitude signed relative deviation from the clean value where it is largest (0.4 = 40 % above); for a daily
 *                  label, that of the day's energy
 */
public record InjectedAnomaly(String seriesId, AnomalyType type, Instant start, Instant end, double magnitude) {

    public InjectedAnomaly {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("anomaly end " + end + " is not after its start " + start);
        }
    }

    /** True when an interval of this series starting at {@code intervalStart} is inside the label. */
    public boolean covers(String series, Instant intervalStart) {
        return seriesId.equals(series) && !intervalStart.isBefore(start) && intervalStart.isBefore(end);
    }
}

package io.energywatch.anomaly.alerts;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The filters of the anomaly list; null means "any". {@code from} and {@code to} (exclusive) bound the interval start,
 * {@code detectedFrom} (inclusive) the detection time.
 */
record AnomalyFilter(@Nullable String series, @Nullable String region, @Nullable Severity severity,
                     @Nullable AnomalyStatus status, @Nullable AnomalyType type, @Nullable Instant from,
                     @Nullable Instant to, @Nullable Instant detectedFrom) {

    /** The same filters on the anomalies starting in {@code window}. */
    AnomalyFilter within(TimeWindow window) {
        return new AnomalyFilter(series, region, severity, status, type, window.from(), window.to(), detectedFrom);
    }
}

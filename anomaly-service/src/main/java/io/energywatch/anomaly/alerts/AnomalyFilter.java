package io.energywatch.anomaly.alerts;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** The filters of the anomaly list; null means "any". {@code to} is exclusive. */
record AnomalyFilter(@Nullable String series, @Nullable String region, @Nullable Severity severity,
                     @Nullable AnomalyStatus status, @Nullable AnomalyType type, @Nullable Instant from,
                     @Nullable Instant to) {
}

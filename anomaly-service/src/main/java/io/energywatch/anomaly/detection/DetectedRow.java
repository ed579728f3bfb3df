package io.energywatch.anomaly.detection;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** One row of a {@code /detect} answer: the row as uploaded and the detector's verdict on it. */
record DetectedRow(
        Instant timestamp,
        @Nullable Double value,
        @JsonProperty("anomaly_score") double anomalyScore,
        @JsonProperty("is_anomaly") boolean isAnomaly,
        @Nullable Severity severity,
        @Nullable AnomalyType type,
        @Nullable Double expected,
        @Nullable Explanation explanation) {

    /** Why a row is anomalous: each feature's share in the score and what to do about it. */
    record Explanation(List<FeatureContribution> contributions, String recommendation) {
    }
}

package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** An anomalous consumption value with its explanation. Topic {@code energywatch.anomalies.v1}, key: series id. */
public record AnomalyDetected(
        String eventId,
        String anomalyId,
        String seriesId,
        @Nullable String regionCode,
        Instant intervalStart,
        Instant intervalEnd,
        @JsonPropertyDescription("observed average power, MW") @Nullable Double observedMw,
        @JsonPropertyDescription("expected average power, MW") double expectedMw,
        double expectedLowMw,
        double expectedHighMw,
        @JsonPropertyDescription("calibrated anomaly score, 0..1, higher is more anomalous") double score,
        Severity severity,
        AnomalyType type,
        List<FeatureContribution> contributions,
        String recommendation,
        @JsonPropertyDescription("energy deviation times the configured price, EUR") @Nullable Double costImpactEur,
        String modelId,
        String modelVersion,
        Instant detectedAt) implements EnergyWatchEvent {

    public AnomalyDetected {
        Objects.requireNonNull(anomalyId, "anomalyId");
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(intervalEnd, "intervalEnd");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(detectedAt, "detectedAt");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " is outside 0..1");
        }
        contributions = contributions == null ? List.of() : List.copyOf(contributions);
        eventId = eventId == null ? EventIds.of("anomaly", anomalyId) : eventId;
    }

    @Override
    public Instant eventTime() {
        return intervalStart;
    }

    /** One feature's share in the score. */
    public record FeatureContribution(String feature, @Nullable Double value, double contribution) {
    }
}

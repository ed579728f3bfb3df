package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Moderate or significant drift of a model's inputs. Topic {@code energywatch.drift.v1}, key: model id. */
public record DriftDetected(
        String eventId,
        String reportId,
        String modelId,
        String modelVersion,
        Instant windowFrom,
        Instant windowTo,
        DriftStatus overallStatus,
        @JsonPropertyDescription("multiple-testing correction applied to KS p-values: HOLM or BONFERRONI") String correction,
        List<FeatureDrift> features,
        Instant detectedAt) implements EnergyWatchEvent {

    public DriftDetected {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(windowFrom, "windowFrom");
        Objects.requireNonNull(windowTo, "windowTo");
        Objects.requireNonNull(overallStatus, "overallStatus");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(detectedAt, "detectedAt");
        features = features == null ? List.of() : List.copyOf(features);
        eventId = eventId == null ? EventIds.of("drift", reportId) : eventId;
    }

    @Override
    public Instant eventTime() {
        return detectedAt;
    }

    /** Drift of one feature. */
    public record FeatureDrift(
            String feature,
            double psi,
            @Nullable Double ksStatistic,
            @Nullable Double ksPValue,
            @Nullable Double ksPValueAdjusted,
            DriftStatus status,
            String summary) {
    }
}

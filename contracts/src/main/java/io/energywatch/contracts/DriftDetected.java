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
        Instant detectedAt,
        @JsonPropertyDescription("what to do about the drift, most urgent first; added within v1, absent from older events")
        List<RecommendedAction> recommendedActions) implements EnergyWatchEvent {

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
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
        eventId = eventId == null ? EventIds.of("drift", reportId) : eventId;
    }

    /** An event without recommended actions, as written before they were added. */
    public DriftDetected(String eventId, String reportId, String modelId, String modelVersion, Instant windowFrom,
                         Instant windowTo, DriftStatus overallStatus, String correction, List<FeatureDrift> features,
                         Instant detectedAt) {
        this(eventId, reportId, modelId, modelVersion, windowFrom, windowTo, overallStatus, correction, features,
                detectedAt, List.of());
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

    /**
     * One thing to do about the drift.
     *
     * @param action RETRAIN (target: the model id), CHECK_SOURCE (target: a data source, e.g. {@code weather:11}) or
     *               INVESTIGATE_FEATURE (target: a feature name)
     */
    public record RecommendedAction(
            @JsonPropertyDescription("RETRAIN, CHECK_SOURCE or INVESTIGATE_FEATURE") String action,
            String target,
            String reason) {

        public RecommendedAction {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(reason, "reason");
        }
    }
}

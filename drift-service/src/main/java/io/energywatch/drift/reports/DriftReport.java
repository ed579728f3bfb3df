package io.energywatch.drift.reports;

import io.energywatch.analytics.drift.Correction;
import io.energywatch.analytics.drift.DriftThresholds;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A drift report as stored in MongoDB ({@code drift_reports}) and Elasticsearch ({@code energywatch-drift}) and returned
 * by the API.
 *
 * @param trigger        what started the run
 * @param windowFrom     start of the current window (interval starts; for uploads, the time of the upload)
 * @param skipped        features of the reference not analysed, each with the reason
 * @param eventPublished a DriftDetected event was acknowledged by Kafka (only for moderate and significant drift)
 * @param indexed        the report is searchable in Elasticsearch
 * @param scope          the series of the window the model was compared with ({@code carrier:area:source:resolution},
 *                       {@code *} for any part); null for uploads
 * @param recommendedActions what to do about the drift, most urgent first (empty when stable)
 * @param retrainings    model versions the owning services trained because of this report
 */
public record DriftReport(
        String id,
        String modelId,
        String modelVersion,
        Trigger trigger,
        Instant windowFrom,
        Instant windowTo,
        Instant createdAt,
        DriftStatus overallStatus,
        Correction correction,
        DriftThresholds thresholds,
        long currentRows,
        List<FeatureDrift> features,
        List<String> skipped,
        boolean eventPublished,
        boolean indexed,
        long durationMs,
        @Nullable String scope,
        List<RecommendedAction> recommendedActions,
        List<Retraining> retrainings) {

    public DriftReport {
        features = features == null ? List.of() : List.copyOf(features);
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        recommendedActions = recommendedActions == null ? List.of() : List.copyOf(recommendedActions);
        retrainings = retrainings == null ? List.of() : List.copyOf(retrainings);
    }

    public enum Trigger {
        SCHEDULED_LIGHT, SCHEDULED_FULL, ON_DEMAND, UPLOAD
    }

    DriftReport withIndexed() {
        return new DriftReport(id, modelId, modelVersion, trigger, windowFrom, windowTo, createdAt, overallStatus,
                correction, thresholds, currentRows, features, skipped, eventPublished, true, durationMs, scope,
                recommendedActions, retrainings);
    }

    public DriftReport withEventPublished() {
        return new DriftReport(id, modelId, modelVersion, trigger, windowFrom, windowTo, createdAt, overallStatus,
                correction, thresholds, currentRows, features, skipped, true, indexed, durationMs, scope,
                recommendedActions, retrainings);
    }

    /** Whether the platform must react: moderate or significant drift publishes DriftDetected. */
    public boolean warrantsEvent() {
        return overallStatus.compareTo(DriftStatus.MODERATE) >= 0;
    }
}

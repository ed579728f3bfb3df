package io.energywatch.anomaly.alerts;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One operator verdict, stored in {@code anomaly_feedback}. It carries the anomaly's series, interval and model so
 * precision per model version and training-window exclusions need no join.
 */
public record Feedback(
        @Id String feedbackId,
        String anomalyId,
        Verdict verdict,
        @Nullable String comment,
        String author,
        String seriesId,
        Instant intervalStart,
        String modelId,
        String modelVersion,
        Instant createdAt) {
}

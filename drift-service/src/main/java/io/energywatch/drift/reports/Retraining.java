package io.energywatch.drift.reports;

import java.time.Instant;

/**
 * A model version trained because of a report, as the owning service announced it on {@code energywatch.models.v1}
 * (its reason names the report).
 *
 * @param stage TRAINED (a challenger), PROMOTED, REJECTED
 */
public record Retraining(String modelId, String version, String stage, String reason, Instant changedAt) {
}

package io.energywatch.anomaly.alerts;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/anomalies/{id}/feedback}. The author is not part of it: it is the subject of the
 * caller's token, so nobody can give a verdict in someone else's name.
 */
public record FeedbackRequest(@NotNull Verdict verdict, @Nullable @Size(max = 2000) String comment) {
}

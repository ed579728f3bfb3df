package io.energywatch.anomaly.alerts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** The body of {@code POST /api/v1/anomalies/{id}/feedback}. */
public record FeedbackRequest(@NotNull Verdict verdict, @Nullable @Size(max = 2000) String comment,
                              @NotBlank @Size(max = 200) String author) {
}

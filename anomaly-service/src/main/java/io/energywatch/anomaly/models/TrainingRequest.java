package io.energywatch.anomaly.models;

import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * The body of {@code POST /api/v1/anomalies/models}: the series group ({@code carrier:source:resolution}, or any series
 * id of it) and the training window; without a window, the configured one ending at the newest row seen.
 */
public record TrainingRequest(@NotBlank String group, @Nullable Instant from, @Nullable Instant to) {
}

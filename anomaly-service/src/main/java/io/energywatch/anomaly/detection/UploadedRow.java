package io.energywatch.anomaly.detection;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One row of a series uploaded to {@code /detect}: its source line (or array position), time and value. */
record UploadedRow(long line, Instant timestamp, @Nullable Double value) {
}

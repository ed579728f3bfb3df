package io.energywatch.ingestion.jobs;

import org.jspecify.annotations.Nullable;

/** One rejected record as the job report lists it. */
public record JobRejection(long line, @Nullable String field, String reason) {
}

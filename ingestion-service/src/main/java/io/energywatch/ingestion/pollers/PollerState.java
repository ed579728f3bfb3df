package io.energywatch.ingestion.pollers;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * What a poller remembers between runs ({@code ingestion_pollers}): the validators of the last content it ingested, so
 * an unchanged source is not fetched again, and the outcome of its last run.
 */
@Document("ingestion_pollers")
public record PollerState(@Id String pollerId, @Nullable String etag, @Nullable String lastModified,
                          @Nullable Instant lastRunAt, @Nullable String lastOutcome, @Nullable String lastJobId) {
}

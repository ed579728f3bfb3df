package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/** Where a record came from, so any value can be traced back to a file line or a poller run. */
public record Lineage(
        @JsonPropertyDescription("file name, poller id or 'simulator'") String origin,
        @JsonPropertyDescription("ingestion job that accepted the record") @Nullable String ingestionJobId,
        @JsonPropertyDescription("1-based line of the source file, header included") @Nullable Long lineNumber,
        @JsonPropertyDescription("when EnergyWatch accepted the record (UTC)") Instant ingestedAt) {

    public Lineage {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
    }
}

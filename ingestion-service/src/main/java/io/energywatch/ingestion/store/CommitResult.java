package io.energywatch.ingestion.store;

import java.util.Map;

/**
 * What a batch commit did.
 *
 * @param accepted        records now in MongoDB and acknowledged by Kafka for this job
 * @param duplicates      records already stored (by an earlier upload, or earlier in the same file)
 * @param acceptedByTopic the accepted records per topic they are published on (a national éCO2mix batch has
 *                        consumption and grid intensity records); topics with none are absent
 */
public record CommitResult(long accepted, long duplicates, Map<String, Long> acceptedByTopic) {

    public CommitResult {
        acceptedByTopic = Map.copyOf(acceptedByTopic);
    }

    /** Counts without their topics: sums over batches. */
    public CommitResult(long accepted, long duplicates) {
        this(accepted, duplicates, Map.of());
    }
}

package io.energywatch.ingestion.store;

/**
 * What a batch commit did.
 *
 * @param accepted   records now in MongoDB and acknowledged by Kafka for this job
 * @param duplicates records already stored (by an earlier upload, or earlier in the same file)
 */
public record CommitResult(long accepted, long duplicates) {
}

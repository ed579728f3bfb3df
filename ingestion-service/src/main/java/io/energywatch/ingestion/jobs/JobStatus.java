package io.energywatch.ingestion.jobs;

/**
 * The life of an ingestion job. PAUSED: a store it writes to (MongoDB or Kafka) is unreachable; the job waits, asks
 * again with backoff, and goes on from what it committed once the store answers.
 */
public enum JobStatus {
    QUEUED, RUNNING, PAUSED, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

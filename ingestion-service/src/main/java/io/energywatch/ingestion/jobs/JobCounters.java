package io.energywatch.ingestion.jobs;

/** A job's running totals as of its last committed batch. */
record JobCounters(long bytesRead, long linesRead, long recordsRead, long accepted, long rejected, long duplicates,
                   long linesCommitted) {
}

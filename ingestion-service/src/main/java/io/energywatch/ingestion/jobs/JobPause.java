package io.energywatch.ingestion.jobs;

import java.time.Instant;

/**
 * Why a job is PAUSED and when it next asks the store.
 *
 * @param store         the store that is down: {@code mongodb} or {@code kafka}
 * @param reason        what the store's client reported, in words
 * @param since         when the job paused
 * @param nextAttemptAt when the job next checks whether the store is back
 */
public record JobPause(String store, String reason, Instant since, Instant nextAttemptAt) {
}

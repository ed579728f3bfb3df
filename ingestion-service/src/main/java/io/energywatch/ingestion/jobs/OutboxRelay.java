package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.store.RawStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.Set;

/**
 * Publishes what failed batches left in the outbox (a job failed on a broker outage) once their job has finished, so
 * nothing in the raw store is missing from the raw topics.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private final RawStore store;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final IngestionProperties properties;

    OutboxRelay(RawStore store, JobRepository jobs, JobRunner runner, IngestionProperties properties) {
        this.store = store;
        this.jobs = jobs;
        this.runner = runner;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${energywatch.ingestion.outbox-relay-delay}",
            initialDelayString = "${energywatch.ingestion.outbox-relay-delay}")
    void relay() {
        Set<String> candidates = new HashSet<>(store.jobsWithOutboxEntries());
        candidates.removeAll(runner.running());
        if (candidates.isEmpty()) {
            return;
        }
        for (String jobId : jobs.finishedIds(candidates)) {
            long relayed = store.relayJob(jobId, properties.publishTimeout());
            log.info("outbox relay published {} stored records of finished job {}", relayed, jobId);
        }
    }
}

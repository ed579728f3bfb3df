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
 * Publishes records that were stored but never acknowledged by Kafka (a job failed on a broker outage), once their job
 * has finished, so nothing in the raw store is missing from the raw topics.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 5_000;

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
        Set<String> candidates = new HashSet<>(store.jobsWithUnpublished());
        candidates.removeAll(runner.running());
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> finished = jobs.finishedIds(candidates);
        if (!finished.isEmpty()) {
            long relayed = store.relay(finished, BATCH, properties.publishTimeout());
            log.info("outbox relay published {} stored records of finished jobs {}", relayed, finished);
        }
    }
}

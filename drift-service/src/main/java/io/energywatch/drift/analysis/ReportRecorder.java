package io.energywatch.drift.analysis;

import io.energywatch.drift.reports.DriftReport;
import io.energywatch.drift.reports.ReportIndex;
import io.energywatch.drift.reports.ReportStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Stores a report in MongoDB first (the record of truth, an outbox for what follows), then publishes its event and
 * indexes it. What Kafka or Elasticsearch did not acknowledge stays flagged in the report and is retried on a fixed
 * delay until it succeeds, so a report is never lost and its event never dropped.
 */
@Component
class ReportRecorder {

    private static final Logger log = LoggerFactory.getLogger(ReportRecorder.class);
    private static final int RETRY_BATCH = 100;

    private final ReportStore store;
    private final ReportIndex index;
    private final DriftEvents events;
    private final DriftGauges gauges;

    ReportRecorder(ReportStore store, ReportIndex index, DriftEvents events, DriftGauges gauges) {
        this.store = store;
        this.index = index;
        this.events = events;
        this.gauges = gauges;
    }

    DriftReport record(DriftReport report) {
        store.insert(report);
        gauges.recorded(report);
        return deliver(report);
    }

    private DriftReport deliver(DriftReport report) {
        DriftReport current = report;
        if (current.warrantsEvent() && !current.eventPublished()) {
            try {
                events.publish(current);
                store.markPublished(current.id());
                current = current.withEventPublished();
            } catch (ExecutionException | TimeoutException e) {
                log.warn("DriftDetected of report {} not acknowledged ({}); retried later", current.id(), e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return current;
            }
        }
        if (!current.indexed()) {
            try {
                index.index(current);
                store.markIndexed(current.id());
            } catch (IOException | RuntimeException e) {
                log.warn("Report {} not indexed in Elasticsearch ({}); retried later", current.id(), e.toString());
            }
        }
        return store.find(current.id()).orElse(current);
    }

    @Scheduled(fixedDelayString = "${energywatch.drift.indices.retry-delay}",
            initialDelayString = "${energywatch.drift.indices.retry-delay}")
    void retryPending() {
        for (DriftReport report : store.pending(RETRY_BATCH)) {
            deliver(report);
        }
    }
}

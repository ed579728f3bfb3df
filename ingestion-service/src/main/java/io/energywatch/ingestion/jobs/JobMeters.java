package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.store.CommitResult;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What jobs count as their batches commit: rows per kind and outcome, and the records published per raw topic (the
 * accepted ones; a resumed job's records stored by an earlier attempt count again).
 */
final class JobMeters {

    private final MeterRegistry registry;

    JobMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void committed(String kind, CommitResult result, long rejected) {
        rows(kind, "accepted").increment(result.accepted());
        rows(kind, "duplicate").increment(result.duplicates());
        rows(kind, "rejected").increment(rejected);
        // Per topic the records go to: a national éCO2mix job publishes grid intensity hours beside its consumption.
        result.acceptedByTopic().forEach((name, records) ->
                EnergyWatchMeters.records(registry, name, Direction.OUT).increment(records));
    }

    private Counter rows(String kind, String outcome) {
        return Counter.builder(EnergyWatchMeters.INGESTION_RECORDS).description("rows read per kind and outcome")
                .tag("kind", kind).tag("outcome", outcome).register(registry);
    }
}

package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What the fusion counts: records read per input topic, enriched records written, and each enriched record's age
 * since ingestion ({@code hop=enrichment}; a re-emission that late weather triggers counts with the age of its kept
 * measurement).
 */
public interface FusionMeters {

    /** Counts nothing: the topology alone, in tests and benchmarks. */
    FusionMeters NONE = new FusionMeters() {
        @Override
        public void consumed(String topic) {
        }

        @Override
        public void enriched(String topic, ConsumptionEnriched record) {
        }
    };

    void consumed(String topic);

    void enriched(String topic, ConsumptionEnriched record);

    /** A record sent to a dead-letter topic by the topology itself (an implausible event time). */
    default void deadLettered(String topic) {
    }

    static FusionMeters micrometer(MeterRegistry registry, Clock clock) {
        Timer age = EnergyWatchMeters.eventAge(registry, "enrichment");
        ConcurrentMap<String, Counter> in = new ConcurrentHashMap<>();
        ConcurrentMap<String, Counter> out = new ConcurrentHashMap<>();
        return new FusionMeters() {
            @Override
            public void consumed(String topic) {
                in.computeIfAbsent(topic, t -> EnergyWatchMeters.records(registry, t, Direction.IN)).increment();
            }

            @Override
            public void deadLettered(String topic) {
                out.computeIfAbsent(topic, t -> EnergyWatchMeters.records(registry, t, Direction.OUT)).increment();
            }

            @Override
            public void enriched(String topic, ConsumptionEnriched record) {
                out.computeIfAbsent(topic, t -> EnergyWatchMeters.records(registry, t, Direction.OUT)).increment();
                EnergyWatchMeters.recordAge(age, clock, record.measurement().lineage().ingestedAt());
            }
        };
    }
}

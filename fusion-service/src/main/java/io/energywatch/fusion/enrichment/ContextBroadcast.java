package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.EnergyWatchEvent;
import org.apache.kafka.streams.processor.StreamPartitioner;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Sends every weather and movement record to every partition of the context topic (KIP-837 multicast), so each
 * consumption task holds the whole, small context of every day and consumption needs no repartition at all.
 */
final class ContextBroadcast implements StreamPartitioner<String, EnergyWatchEvent> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String key, EnergyWatchEvent value, int numPartitions) {
        return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
    }
}

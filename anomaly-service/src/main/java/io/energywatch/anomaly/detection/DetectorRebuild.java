package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.clustering.LoadProfiles;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.contracts.ConsumptionEnriched;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds what the detectors learned before a restart: when the detector's group gets a partition this process has
 * not scored yet, every enriched record of it below the group's committed offset is replayed through the detectors
 * (scored, not stored or published) before the first new record is scored. The replay rebuilds each series'
 * detector, the remembered anomalies, the frame history, the forests' stream-time schedule (which finds the versions
 * it trained instead of training again) and the load profiles, so scores after a restart are those an uninterrupted
 * run gives. It runs in the listener's thread during the rebalance, so no new record overtakes it.
 *
 * <p>When the partitions still start at offset 0, the replay starts without champions ({@link ChampionModels}); when
 * retention has deleted their start, the registry's champions are used from the first replayed row, and the
 * detectors see only what the topic still holds.
 */
final class DetectorRebuild implements ConsumerAwareRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(DetectorRebuild.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final SeriesDetectors detectors;
    private final LoadProfiles profiles;
    private final ChampionModels champions;
    private final ConsumerFactory<? super String, ? super ConsumptionEnriched> consumers;
    private final Set<TopicPartition> scored = ConcurrentHashMap.newKeySet();

    DetectorRebuild(SeriesDetectors detectors, LoadProfiles profiles, ChampionModels champions,
                    ConsumerFactory<? super String, ? super ConsumptionEnriched> consumers) {
        this.detectors = detectors;
        this.profiles = profiles;
        this.champions = champions;
        this.consumers = consumers;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        List<TopicPartition> fresh = partitions.stream().filter(p -> !scored.contains(p)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : consumer.committed(Set.copyOf(fresh)).entrySet()) {
            if (e.getValue() != null && e.getValue().offset() > 0) {
                ends.put(e.getKey(), e.getValue().offset());
            }
        }
        if (!ends.isEmpty()) {
            replay(consumer, ends);
        }
        scored.addAll(fresh);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Still in this process's detectors: the next assignment of these partitions needs no replay.
    }

    private void replay(Consumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        long started = System.nanoTime();
        boolean fromStart = consumer.beginningOffsets(ends.keySet()).values().stream().allMatch(o -> o == 0);
        if (fromStart) {
            champions.replayingFromStart();
        }
        long replayed = 0;
        try (Consumer<?, ?> reader = consumers.createConsumer(null, "detector-rebuild")) {
            reader.assign(ends.keySet());
            reader.seekToBeginning(ends.keySet());
            Map<TopicPartition, Long> remaining = new HashMap<>(ends);
            while (!remaining.isEmpty()) {
                for (ConsumerRecord<?, ?> record : reader.poll(POLL)) {
                    Long end = remaining.get(new TopicPartition(record.topic(), record.partition()));
                    // Unreadable records were dead-lettered when first consumed; they taught the detectors nothing.
                    if (end == null || record.offset() >= end || !(record.value() instanceof ConsumptionEnriched e)) {
                        continue;
                    }
                    detectors.score(e);
                    profiles.record(e);
                    replayed++;
                }
                for (TopicPartition p : new ArrayList<>(remaining.keySet())) {
                    // Transaction markers take offsets too: the position passes the end without a record at it.
                    if (reader.position(p) >= remaining.get(p)) {
                        remaining.remove(p);
                    }
                }
            }
        } finally {
            if (fromStart) {
                champions.replayed();
            }
        }
        log.info("Detectors rebuilt from {} enriched records of {} partitions in {} ms ({})", replayed, ends.size(),
                (System.nanoTime() - started) / 1_000_000, fromStart ? "from the topic's start"
                        : "the topic's start is deleted: scored with the registry's champions");
    }
}

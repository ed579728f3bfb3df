package io.energywatch.drift.window;

import io.energywatch.contracts.Topics;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.drift.config.DriftProperties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Feeds the rolling window from {@code energywatch.consumption.enriched.v1}. A record that could not be read fails the
 * batch at its index, so the error handler dead-letters exactly that record and the rest of the batch is redelivered.
 * <p>
 * The window is memory, and the group's committed offsets would resume a restarted service after what the window held:
 * so the first time this process is given a partition, it reads back the last {@code capacity-rows} records of it.
 * Later rebalances resume from the committed offsets, as the rows are still in memory.
 */
@Component
class WindowListener implements ConsumerSeekAware {

    private final EnrichedWindow window;
    private final int replayRows;
    private final Set<TopicPartition> replayed = ConcurrentHashMap.newKeySet();

    private final Counter consumed;

    WindowListener(EnrichedWindow window, DriftProperties properties, MeterRegistry meters) {
        this.window = window;
        this.replayRows = properties.window().capacityRows();
        this.consumed = EnergyWatchMeters.records(meters, Topics.CONSUMPTION_ENRICHED.name(), Direction.IN);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        for (TopicPartition partition : assignments.keySet()) {
            if (replayed.add(partition)) {
                // Relative to the end; before the log start the consumer's reset policy (earliest) applies.
                callback.seekRelative(partition.topic(), partition.partition(), -replayRows, false);
            }
        }
    }

    @KafkaListener(id = WindowConfiguration.LISTENER_ID, topics = "energywatch.consumption.enriched.v1",
            containerFactory = WindowConfiguration.CONTAINER_FACTORY)
    void onBatch(List<ConsumerRecord<String, ConsumptionEnriched>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumptionEnriched record = records.get(i).value();
            if (record == null) {
                throw new BatchListenerFailedException("unreadable enriched record", i);
            }
            window.add(record);
        }
        consumed.increment(records.size());
    }
}

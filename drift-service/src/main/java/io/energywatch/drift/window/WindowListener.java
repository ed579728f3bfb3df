package io.energywatch.drift.window;

import io.energywatch.contracts.ConsumptionEnriched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Feeds the rolling window from {@code energywatch.consumption.enriched.v1}. A record that could not be read fails the
 * batch at its index, so the error handler dead-letters exactly that record and the rest of the batch is redelivered.
 */
@Component
class WindowListener {

    private final EnrichedWindow window;

    WindowListener(EnrichedWindow window) {
        this.window = window;
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
    }
}

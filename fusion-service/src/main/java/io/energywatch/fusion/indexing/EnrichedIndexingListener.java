package io.energywatch.fusion.indexing;

import io.energywatch.contracts.ConsumptionEnriched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Elasticsearch sink's Kafka side: a batch listener on the enriched topic (read_committed, so aborted Streams
 * transactions are never indexed). A failure leaves the batch uncommitted; the container retries it with backoff.
 */
@Component
class EnrichedIndexingListener {

    private static final Logger log = LoggerFactory.getLogger(EnrichedIndexingListener.class);

    private final EnrichedSink sink;

    EnrichedIndexingListener(EnrichedSink sink) {
        this.sink = sink;
    }

    @KafkaListener(id = IndexingConfiguration.LISTENER_ID, topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = IndexingConfiguration.CONTAINER_FACTORY, batch = "true")
    void index(List<ConsumerRecord<String, ConsumptionEnriched>> batch, Acknowledgment acknowledgment)
            throws IOException {
        List<ConsumerRecord<String, ConsumptionEnriched>> readable = new ArrayList<>(batch.size());
        List<EnrichedSink.Unreadable> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, ConsumptionEnriched> record : batch) {
            if (record.value() != null) {
                readable.add(record);
                continue;
            }
            DeserializationException failure = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
            unreadable.add(failure == null
                    ? new EnrichedSink.Unreadable(record.key(), null, "a tombstone on the enriched topic")
                    : new EnrichedSink.Unreadable(record.key(), failure.getData(), failure.getMessage()));
        }
        sink.index(readable, unreadable, batch.size(), acknowledgment);
    }

    /**
     * The topic went quiet with days still to recompute (the last poll was full): recompute them now. Idle events are
     * published on the consumer thread, which is where acknowledgements must be called. A failure leaves the days
     * pending for the next batch or idle event; their offsets stay uncommitted meanwhile.
     */
    @EventListener(condition = "event.listenerId.startsWith('" + IndexingConfiguration.LISTENER_ID + "')")
    void onIdle(ListenerContainerIdleEvent event) {
        try {
            sink.recomputePendingDays();
        } catch (IOException | RuntimeException e) {
            log.warn("Daily documents not recomputed while idle, retried with the next batch or idle event: {}",
                    e.getMessage());
        }
    }
}

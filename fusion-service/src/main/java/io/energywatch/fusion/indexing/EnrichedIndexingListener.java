package io.energywatch.fusion.indexing;

import io.energywatch.contracts.ConsumptionEnriched;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
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

    private final EnrichedSink sink;

    EnrichedIndexingListener(EnrichedSink sink) {
        this.sink = sink;
    }

    @KafkaListener(idIsGroup = false, id = IndexingConfiguration.LISTENER_ID, topics = "#{T(io.energywatch.contracts.Topics).CONSUMPTION_ENRICHED.name()}",
            containerFactory = IndexingConfiguration.CONTAINER_FACTORY, batch = "true")
    void index(List<ConsumerRecord<String, ConsumptionEnriched>> batch) throws IOException {
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
        sink.index(readable, unreadable);
    }
}

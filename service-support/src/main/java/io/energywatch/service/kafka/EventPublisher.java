package io.energywatch.service.kafka;

import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Topic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes events to their topic (the serde adds the CloudEvents headers) and rejected records to the topic's
 * dead-letter topic with the reason in headers. Sends are asynchronous: callers that must know a record is durable
 * (ingestion counts a row as accepted only then) wait on the returned futures.
 */
public class EventPublisher {

    private final KafkaTemplate<String, EnergyWatchEvent> events;
    private final KafkaTemplate<String, byte[]> deadLetters;
    private final String ceSource;

    /**
     * @param events      sends events through the serde, which writes the CloudEvents headers
     * @param deadLetters sends raw bytes: dead letters, and events serialised by the caller
     * @param ceSource    the CloudEvents source of this service
     */
    public EventPublisher(KafkaTemplate<String, EnergyWatchEvent> events, KafkaTemplate<String, byte[]> deadLetters,
                          String ceSource) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.ceSource = ceSource;
    }

    public <V extends EnergyWatchEvent> CompletableFuture<SendResult<String, EnergyWatchEvent>> publish(
            Topic<V> topic, String key, V event) {
        return events.send(topic.name(), key, event);
    }

    /**
     * Publishes an event already serialised with the shared mapper (a producer that also stores the JSON, as ingestion
     * does, serialises it once); the CloudEvents headers are those the serde would write.
     */
    public CompletableFuture<SendResult<String, byte[]>> publishSerialized(Topic<?> topic, String key,
                                                                          EnergyWatchEvent event, byte[] json) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.name(), key, json);
        CloudEventHeaders.forEvent(event, ceSource, null).writeTo(record.headers());
        return deadLetters.send(record);
    }

    /** Sends the rejected bytes to {@code topic}'s dead-letter topic; header values are written as UTF-8. */
    public CompletableFuture<SendResult<String, byte[]>> deadLetter(Topic<?> topic, String key, byte[] value,
                                                                   Map<String, String> headers) {
        if (!headers.containsKey(DeadLetters.REASON)) {
            throw new IllegalArgumentException("a dead letter needs a " + DeadLetters.REASON + " header");
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.dlq(), key, value);
        headers.forEach((name, v) -> record.headers().add(new RecordHeader(name, v.getBytes(StandardCharsets.UTF_8))));
        return deadLetters.send(record);
    }

    /** Sends what the producers buffered; with linger that is where a batch goes out. */
    public void flush() {
        events.flush();
        deadLetters.flush();
    }
}

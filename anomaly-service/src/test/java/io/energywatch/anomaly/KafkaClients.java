package io.energywatch.anomaly;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/** Plain Kafka clients for the integration tests: produce events as upstream services do, read a topic to its end. */
public final class KafkaClients {

    private final String bootstrap;

    public KafkaClients(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public <V extends EnergyWatchEvent> void produce(String topic, Collection<V> events, Function<V, String> key) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.any("/energywatch/fusion-service"))) {
            List<Future<?>> acks = new ArrayList<>();
            for (V event : events) {
                acks.add(producer.send(new ProducerRecord<>(topic, key.apply(event), event)));
            }
            producer.flush();
            for (var ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a record to " + topic + " was not acknowledged", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Produces enriched records as fusion-service does, each with its own W3C trace context; returns each record's
     * trace id by its interval start.
     */
    public Map<String, String> produceTraced(List<ConsumptionEnriched> events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, String> traceOfInterval = new HashMap<>();
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.of(ConsumptionEnriched.class, "/energywatch/fusion-service"))) {
            List<Future<?>> acks = new ArrayList<>();
            int i = 0;
            for (ConsumptionEnriched e : events) {
                String traceId = String.format(Locale.ROOT, "%024x%08x", 0xabcL, i++);
                traceOfInterval.put(e.measurement().intervalStart().toString(), traceId);
                var record = new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), e.measurement().seriesId(), e);
                record.headers().add("traceparent",
                        ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
                acks.add(producer.send(record));
            }
            producer.flush();
            for (var ack : acks) {
                ack.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an enriched record was not acknowledged", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return traceOfInterval;
    }

    /** Every record of {@code topic} up to its current end. */
    public <V extends EnergyWatchEvent> List<ConsumerRecord<String, V>> read(String topic, Class<V> type) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), EventSerde.of(type, "unused"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}

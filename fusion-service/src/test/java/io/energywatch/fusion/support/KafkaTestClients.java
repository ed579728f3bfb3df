package io.energywatch.fusion.support;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Plain Kafka clients for the integration tests and the bench: produce events, read committed output, check lag. */
public final class KafkaTestClients {

    private final String bootstrap;

    public KafkaTestClients(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = new ArrayList<>();
            for (String name : names) {
                topics.add(new NewTopic(name, partitions, (short) 1));
            }
            admin.createTopics(topics).all().get();
            // Created is not yet led: a producer writing at once can meet NOT_LEADER_OR_FOLLOWER and a retry storm.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    // Just created, the topics may not be in the metadata yet: describe answers unknown until they are.
                    .ignoreExceptionsMatching(e -> e.getCause()
                            instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                    .until(() -> admin.describeTopics(List.of(names)).allTopicNames().get().values().stream()
                            .allMatch(t -> t.partitions().stream().allMatch(p -> p.leader() != null
                                    && !p.leader().isEmpty())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }

    /** Sends the events keyed as the platform keys them, with CloudEvents headers, and waits for every ack. */
    public <V extends EnergyWatchEvent> void produce(String topic, Collection<V> events, Function<V, String> key) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.any("/energywatch/ingestion-service"))) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (V event : events) {
                acks.add(producer.send(new ProducerRecord<>(topic, key.apply(event), event)));
            }
            producer.flush();
            for (var ack : acks) {
                ack.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a record to " + topic + " was not acknowledged", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public void produceBytes(String topic, String key, byte[] value) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value));
            producer.flush();
        }
    }

    /** Every committed record of {@code topic} (transactions aborted or open are not read). */
    public <V> List<ConsumerRecord<String, V>> readCommitted(String topic, Deserializer<V> values) {
        return read(topic, values, "read_committed");
    }

    public <V> List<ConsumerRecord<String, V>> read(String topic, Deserializer<V> values, String isolation) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
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

    /**
     * True when {@code group} has committed every record of a transactional {@code topic}: each partition ends with a
     * transaction's commit marker, which a consumer never commits past, so its committed offset is the end minus one.
     */
    public boolean committedEveryTransactionalRecord(String group, String topic) {
        return committedUpTo(group, topic, 1);
    }

    /** True when {@code group} has committed every partition of {@code topic} up to its end. */
    public boolean caughtUp(String group, String topic) {
        return committedUpTo(group, topic, 0);
    }

    private boolean committedUpTo(String group, String topic, long belowEnd) {
        try (Admin admin = admin()) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0 || committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue().offset() - belowEnd);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}

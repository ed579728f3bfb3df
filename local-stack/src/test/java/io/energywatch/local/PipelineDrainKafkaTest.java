package io.energywatch.local;

import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.admin.Admin;
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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drain waiter against a real Kafka broker (test-support's embedded KRaft broker): a group that has not consumed
 * what was written keeps it waiting; once the group has consumed and committed everything it returns, even though
 * the transaction markers leave each partition's end offset one past the group's committed offset.
 */
class PipelineDrainKafkaTest {

    private static final int RECORDS = 60;
    private static final PlatformConfig.DrainSettings SETTINGS = new PlatformConfig.DrainSettings(
            Duration.ofMillis(200), 2, Duration.ofMinutes(1));

    private final String bootstrap = KafkaTestBroker.bootstrapServers();
    private final String topic = "drain-test-" + UUID.randomUUID();
    private final String group = "drain-test-group-" + UUID.randomUUID();
    private final List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
    private final List<List<String>> refreshed = new ArrayList<>();
    private Admin admin;
    private KafkaLagSource lagSource;

    @BeforeEach
    void createTopicAndWriteInATransaction() throws Exception {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "drain-test-" + UUID.randomUUID()),
                new StringSerializer(), new StringSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "key-" + i, "reading " + i));
            }
            producer.commitTransaction();
        }
        lagSource = new KafkaLagSource(bootstrap, 1_000, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() {
        lagSource.close();
        admin.close();
    }

    @Test
    void theWaiterWaitsUntilTheGroupHasConsumedWhatWasWritten() throws Exception {
        try (var consumer = groupConsumer()) {
            consumer.assign(partitions);
            // The group exists and has read nothing yet.
            consumer.commitSync(Map.of(partitions.get(0), new OffsetAndMetadata(0),
                    partitions.get(1), new OffsetAndMetadata(0)));
            assertThat(lagSource.lag(List.of(group))).containsExactly(GroupLag.of(group, RECORDS));

            var drain = new PipelineDrain(lagSource, refreshed::add, SETTINGS, new PrintStream(OutputStream.nullOutputStream()));
            var waited = CompletableFuture.supplyAsync(() -> drain.await("test",
                    new PipelineDrain.Dependencies(List.of(group), List.of("energywatch-enriched"))));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !waited.isDone());
            assertThat(refreshed).isEmpty();

            consumeAllAndCommitLastRecordPlusOne(consumer);

            PipelineDrain.Result result = waited.get(30, TimeUnit.SECONDS);
            assertThat(result.drained()).isTrue();
            assertThat(result.lags()).containsExactly(GroupLag.of(group, 0));
            assertThat(refreshed).containsExactly(List.of("energywatch-enriched"));
        }
        // The commit marker is past the last record: the offsets alone would still show one per partition.
        var ends = admin.listOffsets(Map.of(partitions.get(0), OffsetSpec.latest(), partitions.get(1),
                OffsetSpec.latest())).all().get(30, TimeUnit.SECONDS);
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
        assertThat(partitions).allSatisfy(partition ->
                assertThat(ends.get(partition).offset() - committed.get(partition).offset()).isEqualTo(1));
    }

    @Test
    void aGroupThatNeverJoinedIsUnknownNotDrained() {
        String stranger = "never-joined-" + UUID.randomUUID();

        assertThat(lagSource.lag(List.of(stranger))).containsExactly(GroupLag.unknown(stranger));
    }

    @Test
    void aGroupWhoseMemberHasNothingAssignedYetHasNothingToRead() {
        String waiting = "waiting-for-its-topic-" + UUID.randomUUID();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, waiting,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            // A listener subscribed to a topic nobody created yet: it joins the group with no partitions.
            consumer.subscribe(List.of("not-created-" + UUID.randomUUID()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return lagSource.lag(List.of(waiting)).getFirst().records().isPresent();
            });

            assertThat(lagSource.lag(List.of(waiting))).containsExactly(GroupLag.of(waiting, 0));
        }
    }

    /** Reads to the end and commits "last record + 1" per partition, as a Spring Kafka listener container does. */
    private static void consumeAllAndCommitLastRecordPlusOne(KafkaConsumer<String, String> consumer) {
        var next = new HashMap<TopicPartition, OffsetAndMetadata>();
        int read = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (read < RECORDS && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                next.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                read++;
            }
        }
        assertThat(read).isEqualTo(RECORDS);
        consumer.commitSync(next);
    }

    private KafkaConsumer<String, String> groupConsumer() {
        return new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
    }
}

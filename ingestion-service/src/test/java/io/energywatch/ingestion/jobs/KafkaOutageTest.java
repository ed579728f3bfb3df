package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.testsupport.KafkaBrokerProcess;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.TopicCounter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka stops in the middle of an upload and comes back: a real broker in a child JVM, stopped (SIGTERM) and started
 * again on the same port over the same log folder, so the records, offsets and idempotent producer state from before
 * the outage are still there, as with a real broker restart. Health says Kafka is DOWN within seconds, the job is
 * PAUSED naming Kafka, uploads are still accepted (no ingestion endpoint waits for Kafka: a job publishes in the
 * background, so a new one pauses too), and once Kafka is back both jobs complete with every accepted record on the raw
 * topic exactly once, counted by event id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "energywatch.ingestion.batch-size=40",
        "energywatch.ingestion.pause.initial-backoff=200ms",
        "energywatch.ingestion.pause.max-backoff=1s",
        // How long a batch waits for Kafka's acknowledgement before the job pauses (60 s in application.yml), and how
        // long a record sent before the outage takes to fail (a flush waits for it; 30 s by default).
        "energywatch.ingestion.publish-timeout=5s",
        "energywatch.store-access.kafka.request-timeout=2s",
        "energywatch.store-access.kafka.delivery-timeout=4s"})
@Import(HeldUploads.Config.class)
@DirtiesContext
class KafkaOutageTest {

    @TempDir
    static Path folder;
    static KafkaBrokerProcess broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = KafkaBrokerProcess.start(folder.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> broker.bootstrapServers());
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("kafka-outage-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> folder.resolve("spool").toString());
    }

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RawStore rawStore;
    @Autowired
    HeldUploads.Gate gate;

    @Test
    void aJobInterruptedByAKafkaOutagePausesAndCompletesWithEveryRecordPublishedOnceWhenKafkaIsBack()
            throws Exception {
        IngestionApi api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        String topic = Topics.CONSUMPTION_RAW.name();

        var upload = api.upload(HeldUploads.odreFile(), "kind=consumption&filename=kafka-outage.csv");
        assertThat(upload.status()).isEqualTo(202);
        String jobId = upload.body().path("id").asString();
        assertThat(gate.reached.await(60, TimeUnit.SECONDS)).as("the job reached line " + HeldUploads.GATE_LINE)
                .isTrue();
        await("batches published before the outage").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/ingestions/" + jobId).body().path("accepted").asLong() > 0);

        broker.stop();
        long stoppedAt = System.nanoTime();
        gate.released.countDown();

        Duration healthTook = HeldUploads.assertHealthDown(api, "kafka", "Kafka", "mongo");
        HeldUploads.awaitPaused(api, jobId, "kafka", "Kafka");
        Duration toPause = Duration.ofNanos(System.nanoTime() - stoppedAt);

        // MongoDB is up, so the API answers; an upload is queued and its job waits for Kafka as well.
        long started = System.nanoTime();
        var during = api.upload(IngestionPipelineTestFixtures.odre(2012), "kind=consumption&filename=during.csv");
        Duration uploadTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(during.status()).isEqualTo(202);
        assertThat(uploadTook).as("time to accept an upload while Kafka is down").isLessThan(Duration.ofSeconds(5));
        String duringId = during.body().path("id").asString();
        HeldUploads.awaitPaused(api, duringId, "kafka", "Kafka");
        assertThat(api.get("/api/v1/ingestions").status()).isEqualTo(200);
        System.out.printf("Kafka down: health DOWN in %d ms, job PAUSED %d ms after the broker stopped, upload"
                + " accepted in %d ms%n", healthTook.toMillis(), toPause.toMillis(), uploadTook.toMillis());

        broker.restart();

        JsonNode job = api.awaitJob(jobId, Duration.ofSeconds(90));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("attempt").asInt()).isGreaterThanOrEqualTo(2);
        long accepted = HeldUploads.ELECTRICITY + HeldUploads.GAS;
        assertThat(job.path("accepted").asLong()).isEqualTo(accepted);
        assertThat(job.path("rejected").asLong()).isEqualTo(HeldUploads.REJECTED);
        assertThat(job.path("duplicates").asLong()).isEqualTo(HeldUploads.DUPLICATES);
        assertThat(job.path("recordsRead").asLong()).isEqualTo(job.path("accepted").asLong()
                + job.path("rejected").asLong() + job.path("duplicates").asLong());
        JsonNode second = api.awaitJob(duringId, Duration.ofSeconds(60));
        assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
        // The small extract: 5 records, one unreadable value.
        assertThat(second.path("accepted").asLong()).isEqualTo(5);
        assertThat(second.path("rejected").asLong()).isEqualTo(1);

        // The broker and the database are this test's own: they hold exactly these two files.
        assertThat(rawStore.storedRecords("measurements")).isEqualTo(accepted + 5);
        assertThat(mongo.getCollection("ingestion_outbox").countDocuments(new Document("jobId", jobId))).isZero();
        Map<String, Integer> published = eventIds(topic);
        assertThat(published).hasSize((int) accepted + 5);
        assertThat(published).allSatisfy((id, times) -> assertThat(times).as("copies of " + id).isEqualTo(1));
        assertThat(TopicCounter.records(broker.bootstrapServers(), Topics.CONSUMPTION_RAW.dlq()))
                .as("rejections dead-lettered once").isEqualTo(HeldUploads.REJECTED + 1);
        assertThat(api.get("/actuator/health").body().at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    /** How many times each event id (the CloudEvents {@code ce_id} header) is on {@code topic}. */
    private static Map<String, Integer> eventIds(String topic) {
        Map<String, Integer> ids = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "kafka-outage-test-" + UUID.randomUUID()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await("the raw topic read to its end").atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader(CloudEventHeaders.ID);
                    String id = header == null ? "(no id)" : new String(header.value(), StandardCharsets.UTF_8);
                    ids.merge(id, 1, Integer::sum);
                }
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return ids;
    }
}

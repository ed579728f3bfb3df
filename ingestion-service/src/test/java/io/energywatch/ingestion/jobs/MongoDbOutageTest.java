package io.energywatch.ingestion.jobs;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB stops in the middle of an upload (the wire server on a fixed port, shut down and bound again over the same
 * memory backend, as a durable store restarts): the API answers 503 problem+json naming MongoDB within seconds, health
 * says MongoDB is DOWN, the job is PAUSED with its reason instead of FAILED, and once MongoDB is back the job completes
 * with every record of the file stored and published exactly once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "energywatch.ingestion.batch-size=40",
        "energywatch.ingestion.pause.initial-backoff=200ms",
        "energywatch.ingestion.pause.max-backoff=1s"})
@Import(HeldUploads.Config.class)
class MongoDbOutageTest {

    /** The server's data outlives the server, as a durable store's does (closing a memory backend empties it). */
    private static final MemoryBackend BACKEND = new MemoryBackend() {
        @Override
        public void close() {
        }
    };
    private static final int PORT = FreePorts.find();
    private static MongoServer server = start();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> "mongodb://127.0.0.1:" + PORT + "/mongodb-outage-test");
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-outage-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RawStore rawStore;
    @Autowired
    HeldUploads.Gate gate;

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    @Test
    void aJobInterruptedByAMongoDbOutagePausesAndCompletesWithoutLossOnceMongoDbIsBack() throws Exception {
        IngestionApi api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        String topic = Topics.CONSUMPTION_RAW.name();
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic);

        var upload = api.upload(HeldUploads.odreFile(), "kind=consumption&filename=outage.csv");
        assertThat(upload.status()).isEqualTo(202);
        String jobId = upload.body().path("id").asString();
        assertThat(gate.reached.await(60, TimeUnit.SECONDS)).as("the job reached line " + HeldUploads.GATE_LINE).isTrue();
        await("batches committed before the outage").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/ingestions/" + jobId).body().path("accepted").asLong() > 0);

        server.shutdownNow();
        gate.released.countDown();

        long started = System.nanoTime();
        var list = api.get("/api/v1/ingestions");
        Duration listTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(list.status()).isEqualTo(503);
        assertThat(list.contentType()).startsWith("application/problem+json");
        assertThat(list.body().path("type").asString()).endsWith("/store-unavailable");
        assertThat(list.body().path("store").asString()).isEqualTo("mongodb");
        assertThat(list.body().path("title").asString()).isEqualTo("MongoDB unavailable");
        assertThat(list.body().path("detail").asString()).contains("./energywatch stack status");
        assertThat(listTook).as("time to 503").isLessThan(Duration.ofSeconds(5));

        Duration healthTook = HeldUploads.assertHealthDown(api, "mongo", "MongoDB", "kafka");
        HeldUploads.awaitPaused(api, jobId, "mongodb", "MongoDB");
        System.out.printf("MongoDB down: GET /api/v1/ingestions answered 503 in %d ms, health DOWN in %d ms%n",
                listTook.toMillis(), healthTook.toMillis());

        server = start();

        JsonNode job = api.awaitJob(jobId, Duration.ofSeconds(90));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("attempt").asInt()).isGreaterThanOrEqualTo(2);
        // 400 half-hours (200 of them full hours with gas), two unreadable values, one line repeated.
        long electricity = HeldUploads.ELECTRICITY;
        long gas = HeldUploads.GAS;
        assertThat(job.path("rejected").asLong()).isEqualTo(HeldUploads.REJECTED);
        assertThat(job.path("duplicates").asLong()).isEqualTo(HeldUploads.DUPLICATES);
        assertThat(job.path("accepted").asLong()).isEqualTo(electricity + gas);
        assertThat(job.path("recordsRead").asLong()).isEqualTo(job.path("accepted").asLong()
                + job.path("rejected").asLong() + job.path("duplicates").asLong());
        // The test's own database: the raw store holds exactly this file's records.
        assertThat(rawStore.storedRecords("measurements")).isEqualTo(electricity + gas);
        assertThat(mongo.getCollection("ingestion_outbox").countDocuments(new Document("jobId", jobId))).isZero();
        await("every accepted record on the raw topic, once").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic) - topicBefore)
                        .isEqualTo(electricity + gas));
        assertThat(api.get("/api/v1/ingestions").status()).isEqualTo(200);
        assertThat(api.get("/actuator/health").body().at("/components/mongo/status").asString()).isEqualTo("UP");
    }

    private static MongoServer start() {
        MongoServer s = new MongoServer(BACKEND);
        s.bind("127.0.0.1", PORT);
        return s;
    }
}

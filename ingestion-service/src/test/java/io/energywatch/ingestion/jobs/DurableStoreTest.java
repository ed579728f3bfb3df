package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.localmongo.DurableMongoProcess;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local stack's MongoDB (local-mongo's durable server in a child JVM) under the service: killed with SIGKILL after a
 * job, it comes back with every record the job counted, so uploading the same file again adds nothing; and once it is
 * full (started again over its folder with a 1-byte limit) a running job ends FAILED saying so, an upload answers 507
 * naming MongoDB, and the service goes on answering. The second test needs the store the first one filled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        "energywatch.ingestion.batch-size=40")
@Import(HeldUploads.Config.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class DurableStoreTest {

    @TempDir
    static Path folder;
    static DurableMongoProcess store;
    static List<String> storeJvm;

    @BeforeAll
    static void startStore() throws Exception {
        // The child JVM logs through the test classpath's Logback, which prints DEBUG lines without a configuration.
        Path logback = Files.writeString(folder.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>%d %-5level %logger{20} - %msg%n</pattern></encoder>
                  </appender>
                  <root level="INFO"><appender-ref ref="out"/></root>
                </configuration>
                """);
        storeJvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback);
        store = DurableMongoProcess.start(folder.resolve("mongodb"), storeJvm);
    }

    @AfterAll
    static void stopStore() throws Exception {
        store.close();
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> store.connectionString() + "/durable-store-test");
        registry.add("energywatch.ingestion.spool-dir", () -> folder.resolve("spool").toString());
    }

    @Autowired
    Environment environment;
    @Autowired
    RawStore rawStore;
    @Autowired
    HeldUploads.Gate gate;

    @Test
    @Order(1)
    void aStoreKilledAfterAJobKeepsEveryRecordSoUploadingTheSameFileAgainAddsNothing() throws Exception {
        IngestionApi api = api();
        String topic = Topics.CONSUMPTION_RAW.name();
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic);
        byte[] file = IngestionPipelineTestFixtures.odre(2013);

        String firstId = api.upload(file, "kind=consumption&filename=durable.csv").body().path("id").asString();
        JsonNode first = api.awaitJob(firstId, Duration.ofSeconds(60));
        assertThat(first.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(first.path("accepted").asLong()).isEqualTo(5);
        assertThat(first.path("rejected").asLong()).isEqualTo(1);
        assertThat(rawStore.storedRecords("measurements")).isEqualTo(5);

        store.kill();
        store.restart();
        await("the service sees MongoDB again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    var health = api.get("/actuator/health");
                    assertThat(health.status()).isEqualTo(200);
                    assertThat(health.body().at("/components/mongo/status").asString()).isEqualTo("UP");
                });

        var stored = api.get("/api/v1/ingestions/" + firstId);
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(stored.body().path("accepted").asLong()).isEqualTo(5);
        assertThat(rawStore.storedRecords("measurements")).as("records after the kill").isEqualTo(5);

        String againId = api.upload(file, "kind=consumption&filename=durable.csv").body().path("id").asString();
        JsonNode again = api.awaitJob(againId, Duration.ofSeconds(60));
        assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("accepted").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(5);
        assertThat(again.path("rejected").asLong()).isEqualTo(1);
        assertThat(rawStore.storedRecords("measurements")).isEqualTo(5);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic) - topicBefore)
                .as("records on the raw topic from both uploads").isEqualTo(5);
    }

    @Test
    @Order(2)
    void aFullStoreEndsTheRunningJobFailedAndRefusesUploadsWith507WhileTheServiceAnswers() throws Exception {
        IngestionApi api = api();
        var upload = api.upload(HeldUploads.odreFile(), "kind=consumption&filename=full.csv");
        assertThat(upload.status()).isEqualTo(202);
        String jobId = upload.body().path("id").asString();
        assertThat(gate.reached.await(60, TimeUnit.SECONDS)).as("the job reached line " + HeldUploads.GATE_LINE)
                .isTrue();
        await("batches stored before the store fills").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/ingestions/" + jobId).body().path("accepted").asLong() > 0);

        // The same store, started again over its folder and port with a limit it is already past.
        store.kill();
        List<String> fullJvm = new ArrayList<>(storeJvm);
        fullJvm.add("-Denergywatch.mongodb.max-store-bytes=1");
        store = DurableMongoProcess.start(folder.resolve("mongodb"), store.port(), fullJvm);
        long storedBefore = rawStore.storedRecords("measurements");

        // Accepting an upload writes its job: that write is refused.
        long started = System.nanoTime();
        var refused = api.upload(IngestionPipelineTestFixtures.odre(2014), "kind=consumption&filename=refused.csv");
        Duration refusedTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(refused.status()).isEqualTo(507);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("type").asString()).endsWith("/store-full");
        assertThat(refused.body().path("store").asString()).isEqualTo("mongodb");
        assertThat(refused.body().path("title").asString()).isEqualTo("MongoDB is full");
        assertThat(refused.body().path("detail").asString()).contains("store full");

        gate.released.countDown();
        JsonNode job = api.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("FAILED");
        assertThat(job.path("error").asString()).startsWith("MongoDB is full").contains("store full");
        var again = api.get("/api/v1/ingestions/" + jobId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("status").asString()).isEqualTo("FAILED");
        assertThat(api.get("/actuator/health").body().at("/components/mongo/status").asString())
                .as("a full store still answers").isEqualTo("UP");
        assertThat(rawStore.storedRecords("measurements")).as("nothing half-written").isEqualTo(storedBefore);
        System.out.printf("MongoDB full: upload refused with 507 in %d ms; job %s FAILED: %s%n", refusedTook.toMillis(),
                jobId, job.path("error").asString());
    }

    private IngestionApi api() {
        return new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }
}

package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every ingestion job attempt is a measured model run: its ModelRunCompleted reaches the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestionRunRecordsTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("ingestion-runs-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;

    @Test
    void anUploadJobIsPublishedWithTheRecordsItReadAndItsEnergy() throws Exception {
        Instant started = Instant.now();
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        var answer = api.upload(IngestionPipelineTest.odre(2003), "kind=consumption");
        assertThat(answer.status()).isEqualTo(202);
        var job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(runs()).filteredOn(r -> r.service().equals("ingestion-service")
                        && !r.startedAt().isBefore(started)).anySatisfy(r -> {
                            assertThat(r.kind()).isEqualTo(RunKind.INGESTION_JOB);
                            assertThat(r.modelId()).isEqualTo("ingestion:consumption");
                            assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
                            assertThat(r.rows()).isEqualTo(job.path("recordsRead").asLong()).isPositive();
                            assertThat(r.energyKwh()).isPositive();
                            assertThat(r.method()).isIn("rapl", "cpu-time");
                        }));
    }

    private static List<ModelRunCompleted> runs() {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "runs-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var out = new ArrayList<ModelRunCompleted>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                EventSerde.of(ModelRunCompleted.class, "test"))) {
            consumer.subscribe(List.of(Topics.MODEL_RUNS.name()));
            int empty = 0;
            while (empty < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                records.forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}

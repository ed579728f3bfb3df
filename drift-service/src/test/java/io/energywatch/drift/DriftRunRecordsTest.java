package io.energywatch.drift;

import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A drift run is a measured model run: its ModelRunCompleted reaches energywatch.model-runs.v1 on the real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftRunRecordsTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "drift-registry-runs-" + RUN);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        // Elasticsearch is not needed: reports stay flagged for indexing.
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        registry.add("spring.elasticsearch.connection-timeout", () -> "200ms");
        registry.add("energywatch.drift.registry.root", REGISTRY::toString);
        registry.add("energywatch.drift.window.group-id", () -> "drift-window-runs-" + RUN);
        registry.add("energywatch.drift.store.collection", () -> "drift_reports_runs_" + RUN);
    }

    @Autowired
    Environment environment;

    @Test
    void anUploadedSampleRunIsPublishedWithItsRowsAndEnergy() {
        String model = "drift-carbon-" + RUN;
        var api = new DriftApi(environment.getRequiredProperty("local.server.port", Integer.class));
        var answer = api.postSamples("/api/v1/drift/analyses?model=" + model, csv(400, 11.0, 1), csv(300, 15.0, 2));
        assertThat(answer.status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(runs()).filteredOn(r -> r.modelId().equals(model)).singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(RunKind.DRIFT_RUN);
                    assertThat(r.service()).isEqualTo("drift-service");
                    assertThat(r.modelVersion()).isEqualTo("upload");
                    assertThat(r.rows()).isEqualTo(300);
                    assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
                    assertThat(r.energyKwh()).isPositive();
                    assertThat(r.co2Grams()).isPositive();
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

    private static String csv(int rows, double meanTempC, long seed) {
        var random = new Random(seed);
        var out = new StringBuilder("tempMeanC,powerMw,dayType\n");
        for (int i = 0; i < rows; i++) {
            out.append(String.format(Locale.ROOT, "%.2f,%.1f,%s%n", meanTempC + 3 * random.nextGaussian(),
                    52_000 + 4_000 * random.nextGaussian(), i % 7 < 5 ? "weekday" : "weekend"));
        }
        return out.toString();
    }
}

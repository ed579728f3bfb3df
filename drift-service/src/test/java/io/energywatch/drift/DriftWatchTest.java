package io.energywatch.drift;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watching without configuration, on the real Kafka broker (embedded KRaft) and the Mongo wire server: a champion put
 * in the registry is discovered, and once the enriched stream (February 2024, while the wall clock is years later)
 * passes its training window the catch-up check reports on it by itself; a heat wave with a demand cut on the last day
 * makes that report MODERATE or worse, recommend retraining, and publish DriftDetected with the actions; the retraining
 * announced on the models topic in answer is linked to the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftWatchTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "drift-watch-" + RUN);
    private static final SeriesId SERIES = SeriesId.of(Carrier.ELECTRICITY, "11", "ext-watch" + RUN, "PT1H");
    private static final String MODEL = "anomaly-forest.electricity.ext-watch" + RUN + ".PT1H";
    /** Local midnight (Europe/Paris) of 2024-02-01, the end of the training window. */
    private static final Instant FIRST = Instant.parse("2024-01-31T23:00:00Z");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        registry.add("spring.elasticsearch.connection-timeout", () -> "200ms");
        registry.add("energywatch.drift.registry.root", REGISTRY::toString);
        registry.add("energywatch.drift.window.group-id", () -> "drift-window-" + RUN);
        registry.add("energywatch.drift.watch.models-group-id", () -> "drift-models-" + RUN);
        registry.add("energywatch.drift.store.collection", () -> "drift_reports_" + RUN);
        registry.add("energywatch.drift.watch.catch-up.check-interval", () -> "1s");
        registry.add("energywatch.drift.watch.refresh-interval", () -> "1s");
        registry.add("energywatch.drift.window.capacity-rows", () -> "20000");
    }

    @Autowired
    Environment environment;

    DriftApi api;

    @BeforeEach
    void client() {
        api = new DriftApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void aChampionIsWatchedWithoutConfigurationAndAHeatWaveWithADemandCutAsksForRetraining() {
        var random = new Random(11);
        double[] temp = new double[3_000];
        double[] power = new double[3_000];
        for (int i = 0; i < temp.length; i++) {
            temp[i] = 10 + 3 * random.nextGaussian();
            power[i] = 9_000 + 450 * random.nextGaussian();
        }
        var registry = new LocalModelRegistry(REGISTRY);
        var version = registry.register(new ModelRegistration(MODEL, "anomaly", "isolation-forest",
                new TrainingWindow(FIRST.minus(Duration.ofDays(31)), FIRST, 3_000), Map.of(), 0.5,
                List.of(FeatureProfile.numeric("tempMeanC", temp, 10, 500, 1L),
                        FeatureProfile.numeric("value", power, 10, 500, 1L),
                        FeatureProfile.numeric("seasonal_residual_z", temp, 10, 500, 1L)), Map.of(), new byte[]{1}));
        registry.setAlias(MODEL, "champion", version.version());
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/drift/summary").body().path("schedule")
                .path("watchedModels").valueStream().anyMatch(m -> m.asString().equals(MODEL)));

        // Two ordinary days, then a heat wave (+8 °C) with a 20% demand cut, then the first hour of the next day.
        EnrichedRecords.produce(SERIES, FIRST, 3 * 24 + 1, new EnrichedRecords.Level() {
            public double tempMeanC(int hour) {
                return hour >= 48 ? 18 : 10;
            }

            public double powerMw(int hour) {
                return hour >= 48 ? 7_200 : 9_000;
            }
        }, 12);

        Instant heatWaveEnd = FIRST.plus(Duration.ofDays(3));
        JsonNode report = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/api/v1/drift/reports?model=" + MODEL + "&size=50").body().path("content")
                        .valueStream().filter(r -> r.path("trigger").asString().equals("SCHEDULED_LIGHT")
                                && Instant.parse(r.path("windowTo").asString()).equals(heatWaveEnd))
                        .findFirst().orElse(null), r -> r != null);

        assertThat(report.path("windowFrom").asString()).isEqualTo(FIRST.plus(Duration.ofDays(2)).toString());
        assertThat(report.path("modelVersion").asString()).isEqualTo(version.version());
        assertThat(report.path("scope").asString()).isEqualTo("electricity:*:ext-watch" + RUN + ":PT1H");
        assertThat(report.path("currentRows").asLong()).isEqualTo(24);
        assertThat(report.path("overallStatus").asString()).isIn("MODERATE", "SIGNIFICANT");
        assertThat(report.path("skipped").get(0).asString())
                .isEqualTo("seasonal_residual_z: not observed in the current data");
        JsonNode actions = report.path("recommendedActions");
        assertThat(actions.get(0).path("action").asString()).isEqualTo("RETRAIN");
        assertThat(actions.get(0).path("target").asString()).isEqualTo(MODEL);
        assertThat(actions.valueStream().map(a -> a.path("action").asString() + " " + a.path("target").asString()))
                .contains("CHECK_SOURCE weather:*", "INVESTIGATE_FEATURE tempMeanC", "INVESTIGATE_FEATURE value");

        DriftDetected event = awaitDriftEvent(report.path("id").asString());
        assertThat(event.modelId()).isEqualTo(MODEL);
        assertThat(event.overallStatus()).isIn(DriftStatus.MODERATE, DriftStatus.SIGNIFICANT);
        assertThat(event.recommendedActions().getFirst())
                .isEqualTo(new DriftDetected.RecommendedAction("RETRAIN", MODEL, actions.get(0).path("reason").asString()));

        // The anomaly service answers with a challenger and announces it, naming the report: the report shows it.
        announce(new ModelLifecycleChanged(null, MODEL, "2", ModelLifecycleChanged.ModelKind.ANOMALY_DETECTOR,
                "isolation-forest", ModelLifecycleChanged.Stage.TRAINED, "electricity:ext-watch" + RUN + ":PT1H",
                FIRST, heatWaveEnd, Map.of(), "drift " + event.reportId() + " (" + event.overallStatus() + ")",
                Instant.now()));
        JsonNode retraining = await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/drift/reports/"
                + event.reportId()).body().path("retrainings").get(0), r -> r != null && !r.isMissingNode());
        assertThat(retraining.path("version").asString()).isEqualTo("2");
        assertThat(retraining.path("stage").asString()).isEqualTo("TRAINED");

        JsonNode monthly = api.get("/api/v1/drift/reports/monthly?month=2024-02").body();
        JsonNode model = monthly.path("models").valueStream()
                .filter(m -> m.path("modelId").asString().equals(MODEL)).findFirst().orElseThrow();
        assertThat(model.path("runs").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(model.path("worstStatus").asString()).isIn("MODERATE", "SIGNIFICANT");
        assertThat(model.path("actions").get(0).path("action").asString()).isEqualTo("RETRAIN");
        assertThat(model.path("topFeatures").get(0).path("feature").asString()).isIn("tempMeanC", "value");
        String csv = api.getText("/api/v1/drift/reports/monthly?month=2024-02", "text/csv");
        assertThat(csv).startsWith("month,modelId,").contains("2024-02," + MODEL + ",");
        assertThat(api.get("/api/v1/drift/reports/monthly?month=February").status()).isEqualTo(400);
    }

    private static void announce(ModelLifecycleChanged event) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.of(ModelLifecycleChanged.class, "/energywatch/anomaly-service"))) {
            producer.send(new ProducerRecord<>(Topics.MODELS.name(), event.modelId(), event));
            producer.flush();
        }
    }

    private static DriftDetected awaitDriftEvent(String reportId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "drift-watch-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DRIFT.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                StreamSupport.stream(consumer.poll(Duration.ofMillis(500)).spliterator(), false)
                        .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(reportId))
                        .forEach(found::add);
                return !found.isEmpty();
            });
        }
        var record = found.getFirst();
        return EventSerde.of(DriftDetected.class, "test").deserialize(Topics.DRIFT.name(), record.headers(),
                record.value());
    }
}

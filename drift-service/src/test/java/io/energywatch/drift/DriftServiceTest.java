package io.energywatch.drift;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
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

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the real Kafka broker (embedded KRaft) and the Mongo wire server; Elasticsearch is down (nothing
 * listens on its port), so reports stay flagged for indexing while everything else works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DriftServiceTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "drift-registry-" + RUN);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        registry.add("energywatch.drift.registry.root", REGISTRY::toString);
        registry.add("energywatch.drift.window.group-id", () -> "drift-window-" + RUN);
        registry.add("energywatch.drift.store.collection", () -> "drift_reports_" + RUN);
        registry.add("spring.elasticsearch.connection-timeout", () -> "200ms");
    }

    @Autowired
    Environment environment;

    DriftApi api;

    @BeforeEach
    void client() {
        api = new DriftApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void aTemperatureShiftBetweenTwoUploadedSamplesIsSignificantAndPublishesDriftDetected() {
        String model = "anomaly-upload-" + RUN;
        var answer = api.postSamples("/api/v1/drift/analyses?model=" + model, csv(600, 11.0, 1), csv(500, 15.0, 2));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode report = answer.body();
        String id = report.path("id").asString();
        assertThat(answer.location()).isEqualTo("/api/v1/drift/reports/" + id);
        assertThat(report.path("overallStatus").asString()).isEqualTo("SIGNIFICANT");
        assertThat(report.path("correction").asString()).isEqualTo("HOLM");
        assertThat(report.path("trigger").asString()).isEqualTo("UPLOAD");
        assertThat(report.path("currentRows").asLong()).isEqualTo(500);
        assertThat(report.path("eventPublished").asBoolean()).isTrue();
        assertThat(report.path("indexed").asBoolean()).isFalse();
        JsonNode temp = feature(report, "tempMeanC");
        assertThat(temp.path("status").asString()).isEqualTo("SIGNIFICANT");
        assertThat(temp.path("ksMethod").asString()).isEqualTo("EXACT");
        assertThat(temp.path("pValueAdjusted").asDouble()).isLessThan(0.05);
        assertThat(temp.path("referenceQuantiles")).hasSize(9);
        assertThat(temp.path("currentQuantiles").get(4).asDouble() - temp.path("referenceQuantiles").get(4).asDouble())
                .isBetween(3.0, 5.0);
        assertThat(temp.path("summary").asString()).matches("tempMeanC is \\d\\.\\d °C warmer than during training; .*");
        assertThat(feature(report, "powerMw").path("status").asString()).isEqualTo("STABLE");
        assertThat(feature(report, "dayType").path("kind").asString()).isEqualTo("CATEGORICAL");

        ConsumerRecord<String, byte[]> record = awaitDriftRecord(id);
        assertThat(record.key()).isEqualTo(model);
        var headers = CloudEventHeaders.readFrom(record.headers());
        assertThat(headers.type()).isEqualTo("energywatch.drift.detected.v1");
        assertThat(headers.source()).isEqualTo("/energywatch/drift-service");
        assertThat(headers.specVersion()).isEqualTo("1.0");
        DriftDetected event = EventSerde.of(DriftDetected.class, "test")
                .deserialize(Topics.DRIFT.name(), record.headers(), record.value());
        assertThat(event.modelId()).isEqualTo(model);
        assertThat(event.overallStatus()).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(event.correction()).isEqualTo("HOLM");
        var eventTemp = event.features().stream().filter(f -> f.feature().equals("tempMeanC")).findFirst().orElseThrow();
        assertThat(eventTemp.status()).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(eventTemp.ksPValueAdjusted()).isLessThan(0.05);

        assertThat(api.get("/api/v1/drift/reports/" + id).body().path("overallStatus").asString())
                .isEqualTo("SIGNIFICANT");
        JsonNode page = api.get("/api/v1/drift/reports?model=" + model + "&status=SIGNIFICANT&size=10").body();
        assertThat(page.path("totalElements").asLong()).isEqualTo(1);
        assertThat(page.path("content").get(0).path("id").asString()).isEqualTo(id);
        JsonNode summary = api.get("/api/v1/drift/summary").body();
        JsonNode modelSummary = summary.path("models").valueStream()
                .filter(m -> m.path("modelId").asString().equals(model)).findFirst().orElseThrow();
        assertThat(modelSummary.path("overallStatus").asString()).isEqualTo("SIGNIFICANT");
        assertThat(modelSummary.path("drifted").get(0).path("feature").asString()).isEqualTo("tempMeanC");

        // The reports as CSV: one row per report, its features' list in one cell.
        List<String> csv = api.getText("/api/v1/drift/reports?model=" + model, "text/csv").lines().toList();
        assertThat(csv).hasSize(2);
        assertThat(csv.getFirst()).startsWith("id,modelId,modelVersion,trigger,");
        assertThat(csv.get(1)).startsWith(id + "," + model + ",").contains(",SIGNIFICANT,");
        // The summary in a window of report creation, echoed; the report was created just now.
        JsonNode lastHour = api.get("/api/v1/drift/summary?hours=1").body();
        assertThat(lastHour.path("reportWindow").path("hours").asInt()).isEqualTo(1);
        assertThat(lastHour.path("models").valueStream().map(m -> m.path("modelId").asString())).contains(model);
        JsonNode before = api.get("/api/v1/drift/summary?to=2000-01-01").body();
        assertThat(before.path("reportWindow").path("to").asString()).isEqualTo("2000-01-01T23:00:00Z");
        assertThat(before.path("totalReports").asLong()).isZero();
        assertThat(before.path("models")).isEmpty();
        var mixed = api.get("/api/v1/drift/summary?hours=1&from=2024-01-01");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.contentType()).startsWith("application/problem+json");
        assertThat(mixed.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("from", "hours");
    }

    @Test
    void prometheusShowsTheLatestPsiOfEachFeatureOfARecordedReport() {
        var answer = api.postSamples("/api/v1/drift/analyses?model=anomaly-metrics-" + RUN, csv(600, 11.0, 3),
                csv(500, 15.0, 4));
        assertThat(answer.status()).isEqualTo(201);
        double tempPsi = feature(answer.body(), "tempMeanC").path("psi").asDouble();
        assertThat(tempPsi).isPositive();

        var scrape = io.energywatch.testsupport.PrometheusScrape.of(
                environment.getRequiredProperty("local.server.port", Integer.class),
                io.energywatch.testsupport.TestTokens.token("prometheus", io.energywatch.service.security.Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        // The gauge holds the newest report's value; other tests of this class may record reports concurrently.
        assertThat(scrape.matching("energywatch_drift_psi", "feature", "tempMeanC")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());
        assertThat(scrape.matching("energywatch_drift_psi", "feature", "powerMw")).hasSize(1);
        assertThat(scrape.matching("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
        // The upload above was one drift run, timed.
        assertThat(scrape.sum("energywatch_drift_run_seconds_count", "trigger", "upload", "outcome", "succeeded"))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.sum("energywatch_drift_run_seconds_sum", "trigger", "upload", "outcome", "succeeded"))
                .isPositive();
    }

    @Test
    void samplesFromTheSameDistributionAreStableAndPublishNothing() {
        long before = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.DRIFT.name());

        var answer = api.postSamples("/api/v1/drift/analyses?model=stable-" + RUN, csv(600, 11.0, 3),
                csv(500, 11.0, 4));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body().path("overallStatus").asString()).isEqualTo("STABLE");
        assertThat(answer.body().path("eventPublished").asBoolean()).isFalse();
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.DRIFT.name())).isEqualTo(before);
    }

    @Test
    void aRegisteredModelsProfilesAgainstAWarmerEnrichedWindowPublishDriftDetected() {
        String model = "forecast-window-" + RUN;
        var random = new Random(5);
        double[] trainingTemp = new double[3_000];
        for (int i = 0; i < trainingTemp.length; i++) {
            trainingTemp[i] = 10 + 3 * random.nextGaussian();
        }
        var registry = new LocalModelRegistry(REGISTRY);
        var version = registry.register(new ModelRegistration(model, "forecast", "gradient-boosting",
                new TrainingWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-12-31T00:00:00Z"), 3_000),
                Map.of(), 0.0, List.of(FeatureProfile.numeric("tempMeanC", trainingTemp, 10, 500, 1L),
                FeatureProfile.numeric("seasonalResidual", trainingTemp, 10, 500, 1L)), Map.of(), new byte[]{1}));
        registry.setAlias(model, "champion", version.version());

        Instant first = Instant.parse("2025-07-01T00:00:00Z");
        int hours = 400;
        produceEnriched(first, hours, 14.5, random);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                api.get("/api/v1/drift/summary").body().path("window").path("rows").asInt() >= hours);

        var answer = api.postJson("/api/v1/drift/analyses", """
                {"modelId": "%s", "from": "%s", "to": "%s"}""".formatted(model, first,
                first.plus(Duration.ofHours(hours))));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode report = answer.body();
        assertThat(report.path("trigger").asString()).isEqualTo("ON_DEMAND");
        assertThat(report.path("modelVersion").asString()).isEqualTo(version.version());
        assertThat(report.path("currentRows").asLong()).isEqualTo(hours);
        assertThat(report.path("overallStatus").asString()).isIn("MODERATE", "SIGNIFICANT");
        assertThat(report.path("skipped").get(0).asString())
                .isEqualTo("seasonalResidual: not observed in the current data");
        assertThat(feature(report, "tempMeanC").path("summary").asString()).contains("°C warmer than during training");
        ConsumerRecord<String, byte[]> record = awaitDriftRecord(report.path("id").asString());
        assertThat(record.key()).isEqualTo(model);
    }

    @Test
    void samplesWithDifferentColumnsAreRefusedWithAProblem() {
        var answer = api.postSamples("/api/v1/drift/analyses", "tempMeanC,powerMw\n1,2\n", "tempMeanC,windKmh\n1,2\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("type").asString()).endsWith("/invalid-sample");
        assertThat(answer.body().path("errors").get(0).path("field").asString()).isEqualTo("current");
    }

    @Test
    void anUnreadableEnrichedRecordIsDeadLetteredWithItsReason() {
        String key = "electricity:11:ext-garbage" + RUN + ":PT1H";
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), key,
                    "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.flush();
        }
        Map<String, Object> consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "drift-dlq-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var dead = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.CONSUMPTION_ENRICHED.dlq()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                StreamSupport.stream(consumer.poll(Duration.ofMillis(500)).spliterator(), false)
                        .filter(r -> key.equals(r.key())).forEach(dead::add);
                return !dead.isEmpty();
            });
        }
        assertThat(new String(dead.getFirst().value(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(CloudEventHeaders.optional(dead.getFirst().headers(), io.energywatch.contracts.DeadLetters.REASON))
                .contains("ConsumptionEnriched");
    }

    private static JsonNode feature(JsonNode report, String name) {
        return report.path("features").valueStream().filter(f -> f.path("feature").asString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no feature " + name + " in " + report));
    }

    /** A sample of hourly rows: mean temperature around {@code meanTempC}, a load that does not move, a day type. */
    private static String csv(int rows, double meanTempC, long seed) {
        var random = new Random(seed);
        var out = new StringBuilder("tempMeanC,powerMw,dayType\n");
        for (int i = 0; i < rows; i++) {
            out.append(String.format(java.util.Locale.ROOT, "%.2f,%.1f,%s%n", meanTempC + 3 * random.nextGaussian(),
                    52_000 + 4_000 * random.nextGaussian(), i % 7 < 5 ? "weekday" : "weekend"));
        }
        return out.toString();
    }

    private static void produceEnriched(Instant first, int hours, double meanTempC, Random random) {
        var lineage = new Lineage("drift-service-test", null, null, Instant.now());
        var series = SeriesId.of(Carrier.ELECTRICITY, "11", "sim", "PT1H");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(),
                EventSerde.of(ConsumptionEnriched.class, "/energywatch/drift-service-test"))) {
            for (int h = 0; h < hours; h++) {
                Instant start = first.plus(Duration.ofHours(h));
                var measured = ConsumptionMeasured.of(series, "11", start, start.plus(Duration.ofHours(1)),
                        9_000 + 500 * random.nextGaussian(), MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(),
                        lineage);
                double temp = meanTempC + 3 * random.nextGaussian();
                LocalDate day = LocalDate.ofInstant(start, java.time.ZoneId.of("Europe/Paris"));
                var enriched = new ConsumptionEnriched(null, measured, day,
                        new ConsumptionEnriched.WeatherContext(false, temp - 4, temp + 4, temp, 12.0, 70.0, 50.0, null,
                                Math.max(0, 18 - temp), Math.max(0, temp - 22), "region", List.of("test")),
                        new ConsumptionEnriched.CalendarContext(day.getDayOfWeek(),
                                day.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) >= 0, false, null, false, 900.0),
                        ConsumptionEnriched.SocialContext.none());
                producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), series.toString(), enriched));
            }
            producer.flush();
        }
    }

    private static ConsumerRecord<String, byte[]> awaitDriftRecord(String reportId) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "drift-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.DRIFT.name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                StreamSupport.stream(consumer.poll(Duration.ofMillis(500)).spliterator(), false)
                        .filter(r -> new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains(reportId))
                        .forEach(found::add);
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }
}

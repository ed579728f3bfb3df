package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.formats.Eco2mixNational;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.energywatch.ingestion.store.RawStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads go through the real service, the real Kafka broker and the MongoDB wire server: what is accepted is in MongoDB
 * and on the raw topic exactly once, rejections are on the dead-letter topic, and a second upload adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IngestionPipelineTest {

    /** A hand-written ODRÉ extract: the header, two half-hours without gas, one with gas, one unreadable value. */
    private static final String ODRE = """
            \uFEFFDate - Heure;Date;Heure;Consommation brute gaz (MW PCS 0°C) - NaTran;Statut - NaTran;Consommation brute gaz (MW PCS 0°C) - Teréga;Statut - Teréga;Consommation brute gaz totale (MW PCS 0°C);Consommation brute électricité (MW) - RTE;Statut - RTE;Consommation brute totale (MW);flag_ignore
            2022-12-31T23:30:00+00:00;01/01/2023;00:30;;;;;;44906;Consolidé;;non
            2022-12-31T23:00:00+00:00;01/01/2023;00:00;31953;Définitif;2094;Définitif;34047;46458;Consolidé;80505;non
            2022-12-31T22:30:00+00:00;31/12/2022;23:30;;;;;;48abc;Consolidé;;non
            2022-12-31T22:00:00+00:00;31/12/2022;23:00;32010;Définitif;2101;Définitif;34111;47812;Consolidé;81923;non
            """;

    /** The extract moved to another year, so each test ingests records of its own. */
    static byte[] odre(int year) {
        return ODRE.replace("2022-12-31T", year + "-12-31T").getBytes(StandardCharsets.UTF_8);
    }

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
        registry.add("spring.mongodb.database", () -> "ingestion-pipeline-test");
        registry.add("spring.mongodb.uri", () -> io.energywatch.testsupport.MongoWireTestServer.shared()
                .uri("ingestion-pipeline-test"));
    }

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RawStore rawStore;

    IngestionApi api;

    @BeforeEach
    void client() {
        api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void weatherForecastsAreStoredAndPublishedOnTheirTopicAndAReUploadIsAllDuplicates() throws Exception {
        String csv = """
                region,issued_at,target_date,temp_min_c,temp_max_c,temp_mean_c,wind_kmh,humidity_percent,cloud_cover_percent
                11,2021-06-01T06:00:00+02:00,2021-06-02,14,24,19,10,60,30
                11,2021-06-01T06:00:00+02:00,2021-06-03,15,25,20.5,,,
                11,2021-06-02T06:00:00+02:00,2021-06-03,15.5,26,21,,,
                84,2021-06-01T06:00:00+02:00,2021-06-02,12,22,17,,,
                84,2021-06-02T06:00:00+02:00,2021-06-01,12,22,17,,,
                """;
        String topic = Topics.WEATHER_FORECASTS_RAW.name();
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic);
        long dlqBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.WEATHER_FORECASTS_RAW.dlq());
        long storedBefore = rawStore.storedRecords("weather_forecasts");

        var answer = api.upload(csv.getBytes(StandardCharsets.UTF_8), "kind=weather-forecast&filename=forecasts.csv");
        assertThat(answer.status()).isEqualTo(202);
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(60));

        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("format").asString()).isEqualTo("weather-forecast");
        // Two issues for 11's 2021-06-03 are two records; the last line's target is before its issue day.
        assertThat(job.path("accepted").asLong()).isEqualTo(4);
        assertThat(job.path("rejected").asLong()).isEqualTo(1);
        assertThat(job.path("rejections").get(0).path("line").asLong()).isEqualTo(6);
        assertThat(job.path("rejections").get(0).path("field").asString()).isEqualTo("target_date");
        assertThat(rawStore.storedRecords("weather_forecasts") - storedBefore).isEqualTo(4);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic) - topicBefore).isEqualTo(4);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.WEATHER_FORECASTS_RAW.dlq())
                - dlqBefore).isEqualTo(1);

        var again = api.upload(csv.getBytes(StandardCharsets.UTF_8), "kind=weather-forecast&filename=forecasts.csv");
        JsonNode second = api.awaitJob(again.body().path("id").asString(), Duration.ofSeconds(60));
        assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.path("accepted").asLong()).isZero();
        assertThat(second.path("duplicates").asLong()).isEqualTo(4);
        assertThat(rawStore.storedRecords("weather_forecasts") - storedBefore).isEqualTo(4);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic) - topicBefore).isEqualTo(4);
    }

    @Test
    void acceptedRecordsLandOnceInMongoAndOnTheTopicAndASecondUploadAddsNothing() throws Exception {
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name());
        long dlqBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.dlq());
        long storedBefore = rawStore.storedRecords("measurements");

        var answer = api.upload(odre(2022), "kind=consumption&filename=odre-extract.csv");
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.location()).endsWith("/api/v1/ingestions/" + answer.body().path("id").asString());
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(60));

        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("format").asString()).isEqualTo("odre-conso-brute");
        long accepted = job.path("accepted").asLong();
        long rejected = job.path("rejected").asLong();
        assertThat(job.path("recordsRead").asLong()).isEqualTo(accepted + rejected + job.path("duplicates").asLong());
        // 4 electricity half-hours (one unreadable) + 2 gas hours.
        assertThat(accepted).isEqualTo(5);
        assertThat(rejected).isEqualTo(1);
        assertThat(job.path("duplicates").asLong()).isZero();
        JsonNode rejection = job.path("rejections").get(0);
        assertThat(rejection.path("line").asLong()).isEqualTo(4);
        assertThat(rejection.path("reason").asString()).contains("48abc");
        assertThat(job.path("progressPercent").asDouble()).isEqualTo(100.0);

        assertThat(rawStore.storedRecords("measurements") - storedBefore).isEqualTo(accepted);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name()) - topicBefore)
                .isEqualTo(accepted);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.dlq()) - dlqBefore)
                .isEqualTo(rejected);
        assertThat(mongo.getCollection("ingestion_outbox").countDocuments()).as("outbox entries left").isZero();

        var again = api.upload(odre(2022), "kind=consumption&filename=odre-extract.csv");
        JsonNode second = api.awaitJob(again.body().path("id").asString(), Duration.ofSeconds(60));
        assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.path("accepted").asLong()).isZero();
        assertThat(second.path("duplicates").asLong()).isEqualTo(accepted);
        assertThat(second.path("rejected").asLong()).isEqualTo(rejected);
        assertThat(rawStore.storedRecords("measurements") - storedBefore).isEqualTo(accepted);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), Topics.CONSUMPTION_RAW.name()) - topicBefore)
                .isEqualTo(accepted);
    }

    @Test
    void aNationalEco2mixFilePublishesTheGridsHourlyIntensityAndAReUploadAddsNothing() throws Exception {
        // RTE's national layout, ISO-8859-1, written here with made-up values: two hours of half-hourly values.
        String nature = "Données consolidées";
        byte[] file = (Eco2mixNational.HEADER
                + Eco2mixNational.row(nature, "01/07/2019", "10:00", "52100", "31")
                + Eco2mixNational.row(nature, "01/07/2019", "10:15", "", "")
                + Eco2mixNational.row(nature, "01/07/2019", "10:30", "52800", "35")
                + Eco2mixNational.row(nature, "01/07/2019", "10:45", "", "")
                + Eco2mixNational.row(nature, "01/07/2019", "11:00", "53300", "40")
                + Eco2mixNational.row(nature, "01/07/2019", "11:30", "53900", "42"))
                .getBytes(StandardCharsets.ISO_8859_1);
        String topic = Topics.GRID_CARBON_INTENSITY.name();
        long topicBefore = TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic);
        List<ConsumerRecord<String, GridCarbonIntensityMeasured>> hours = new ArrayList<>();
        String jobId;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "intensity-" + UUID.randomUUID()),
                new StringDeserializer(), EventSerde.of(GridCarbonIntensityMeasured.class, "test"))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            var answer = api.upload(file, "kind=consumption&filename=eCO2mix_RTE_En-cours-Consolide.csv");
            assertThat(answer.status()).isEqualTo(202);
            jobId = answer.body().path("id").asString();
            JsonNode job = api.awaitJob(jobId, Duration.ofSeconds(60));
            assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(job.path("format").asString()).isEqualTo("eco2mix-regional");
            // Four half-hours of national consumption and two hours of intensity.
            assertThat(job.path("accepted").asLong()).isEqualTo(6);
            assertThat(job.path("rejected").asLong()).isZero();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (jobId.equals(r.value().lineage().ingestionJobId())) {
                        hours.add(r);
                    }
                });
                return hours.size() >= 2;
            });
        }
        assertThat(hours).extracting(r -> r.key() + " " + r.value().hourStart() + " " + r.value().intensityGPerKwh()
                + " " + r.value().samples() + " " + r.value().quality()).containsExactly(
                "FR 2019-07-01T08:00:00Z 33.0 2 CONSOLIDATED",
                "FR 2019-07-01T09:00:00Z 41.0 2 CONSOLIDATED");
        var ce = CloudEventHeaders.readFrom(hours.getFirst().headers());
        assertThat(ce.type()).isEqualTo("energywatch.grid.carbon-intensity-measured.v1");
        assertThat(ce.id()).isEqualTo(hours.getFirst().value().eventId());
        assertThat(rawStore.storedRecords("grid_carbon_intensity")).isGreaterThanOrEqualTo(2);

        var again = api.upload(file, "kind=consumption&filename=eCO2mix_RTE_En-cours-Consolide.csv");
        JsonNode second = api.awaitJob(again.body().path("id").asString(), Duration.ofSeconds(60));
        assertThat(second.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(second.path("accepted").asLong()).isZero();
        assertThat(second.path("duplicates").asLong()).isEqualTo(6);
        assertThat(TopicCounter.records(KafkaTestBroker.bootstrapServers(), topic) - topicBefore).isEqualTo(2);
    }

    @Test
    void publishedEventsCarryTheirCloudEventsHeadersAndLineage() throws Exception {
        String series = "electricity:FR:odre:PT30M";
        List<ConsumerRecord<String, ConsumptionMeasured>> found = new ArrayList<>();
        String jobId;
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "headers-" + UUID.randomUUID()),
                new StringDeserializer(), EventSerde.of(ConsumptionMeasured.class, "test"))) {
            // Start from the topic's current end: earlier tests of this JVM have filled it.
            var partitions = consumer.partitionsFor(Topics.CONSUMPTION_RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);

            var answer = api.upload(odre(2021), "kind=consumption&filename=headers.csv");
            jobId = answer.body().path("id").asString();
            api.awaitJob(jobId, Duration.ofSeconds(60));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (jobId.equals(r.value().lineage().ingestionJobId())
                            && r.value().intervalStart().equals(Instant.parse("2021-12-31T23:30:00Z"))) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        var record = found.getFirst();
        assertThat(record.key()).isEqualTo(series);
        assertThat(record.value().value()).isEqualTo(44906.0);
        assertThat(record.value().energyMwh()).isEqualTo(44906.0 / 2);
        assertThat(record.value().lineage().origin()).isEqualTo("headers.csv");
        assertThat(record.value().lineage().ingestionJobId()).isEqualTo(jobId);
        assertThat(record.value().lineage().lineNumber()).isEqualTo(2L);
        var ce = CloudEventHeaders.readFrom(record.headers());
        assertThat(ce.type()).isEqualTo("energywatch.consumption.measured.v1");
        assertThat(ce.source()).isEqualTo("/energywatch/ingestion-service");
        assertThat(ce.id()).isEqualTo(record.value().eventId());
        assertThat(found).hasSize(1);
    }

    @Test
    void unreadableUploadsGetAProblemAndTheServiceStaysHealthy() throws Exception {
        var empty = api.upload(new byte[0], "kind=consumption");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.contentType()).startsWith("application/problem+json");
        assertThat(empty.body().path("type").asString()).endsWith("/empty-upload");

        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        var binary = api.upload(garbage, "kind=consumption");
        assertThat(binary.status()).isEqualTo(422);
        assertThat(binary.body().path("detail").asString()).isNotBlank();

        var unknownKind = api.upload(odre(2019), "kind=water");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.body().path("errors").get(0).path("field").asString()).isEqualTo("kind");

        var wrongKind = api.upload(odre(2019), "kind=weather");
        assertThat(wrongKind.status()).isEqualTo(422);

        var missing = api.get("/api/v1/ingestions/does-not-exist");
        assertThat(missing.status()).isEqualTo(404);

        var health = api.get("/actuator/health");
        assertThat(health.status()).as(health.body().toString()).isEqualTo(200);
        assertThat(health.body().path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("mongo").path("status").asString()).isEqualTo("UP");

        var later = api.upload(odre(2020), "kind=consumption");
        assertThat(api.awaitJob(later.body().path("id").asString(), Duration.ofSeconds(60)).path("status").asString())
                .isEqualTo("SUCCEEDED");
    }

    @Test
    void listsRecentJobsInPages() throws Exception {
        api.awaitJob(api.upload(odre(2018), "kind=consumption").body().path("id")
                .asString(), Duration.ofSeconds(60));
        var page = api.get("/api/v1/ingestions?page=0&size=2");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().path("content").size()).isBetween(1, 2);
        assertThat(page.body().path("size").asInt()).isEqualTo(2);
        assertThat(page.body().path("totalElements").asLong()).isPositive();
        assertThat(api.get("/api/v1/ingestions?size=5000").status()).isEqualTo(400);
    }
}

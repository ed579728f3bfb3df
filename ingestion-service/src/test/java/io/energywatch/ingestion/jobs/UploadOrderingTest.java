package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
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
import static org.awaitility.Awaitility.await;

/**
 * Uploads with repeated and out-of-order timestamps through the real service, Kafka broker and MongoDB wire server:
 * each duplicates policy, the reorder window's limit, and a newest-first file published oldest first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UploadOrderingTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("upload-ordering-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
        registry.add("energywatch.ingestion.order.reorder-window", () -> "4");
    }

    @Autowired
    Environment environment;
    IngestionApi api;

    @BeforeEach
    void client() {
        api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    /** Half-hours of a series of its own; 10:30 is given three times (lines 4-6) and 12:00 comes after 12:30. */
    private static final String REPEATS = """
            timestamp,value
            2024-03-04T10:00:00Z,10
            2024-03-04T11:00:00Z,30
            2024-03-04T10:30:00Z,20
            2024-03-04T10:30:00Z,
            2024-03-04T10:30:00Z,26
            2024-03-04T11:30:00Z,40
            2024-03-04T12:30:00Z,60
            2024-03-04T12:00:00Z,50
            """;

    private static String generic(String series, String duplicates) {
        return "kind=consumption&format=generic-csv&timestampColumn=timestamp&valueColumn=value&unit=MW&seriesId="
                + series + (duplicates == null ? "" : "&duplicates=" + duplicates);
    }

    private static String series() {
        return "electricity:11:ext-" + UUID.randomUUID().toString().substring(0, 8) + ":PT30M";
    }

    private JsonNode ingest(byte[] body, String query) throws Exception {
        var answer = api.upload(body, query);
        assertThat(answer.status()).isEqualTo(202);
        JsonNode job = api.awaitJob(answer.body().path("id").asString(), Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        return job;
    }

    @Test
    void eachPolicyResolvesTheRepeatsAndTheJobSaysWhatItDid() throws Exception {
        byte[] body = REPEATS.getBytes(StandardCharsets.UTF_8);

        JsonNode first = ingest(body, generic(series(), null));
        assertThat(first.path("accepted").asLong()).isEqualTo(6);
        assertThat(first.path("duplicates").asLong()).isEqualTo(2);
        assertThat(first.path("ordering").path("duplicates").asString()).isEqualTo("first");
        assertThat(first.path("ordering").path("duplicatesDropped").asLong()).isEqualTo(2);
        assertThat(first.path("ordering").path("rowsReordered").asLong()).isEqualTo(2);
        assertThat(first.path("ordering").path("newestFirst").asBoolean()).isFalse();

        String meanSeries = series();
        JsonNode mean = ingest(body, generic(meanSeries, "mean"));
        assertThat(mean.path("accepted").asLong()).isEqualTo(6);
        assertThat(mean.path("ordering").path("duplicatesMerged").asLong()).isEqualTo(2);
        assertThat(published(mean.path("id").asString(), 6)).extracting(ConsumptionMeasured::value)
                .containsExactly(10.0, 23.0, 30.0, 40.0, 50.0, 60.0);

        String lastSeries = series();
        JsonNode last = ingest(body, generic(lastSeries, "last"));
        assertThat(published(last.path("id").asString(), 6)).extracting(ConsumptionMeasured::value)
                .containsExactly(10.0, 26.0, 30.0, 40.0, 50.0, 60.0);

        JsonNode reject = ingest(body, generic(series(), "reject"));
        assertThat(reject.path("accepted").asLong()).isEqualTo(6);
        assertThat(reject.path("rejected").asLong()).isEqualTo(2);
        assertThat(reject.path("ordering").path("duplicatesRejected").asLong()).isEqualTo(2);
        assertThat(reject.path("rejections").get(0).path("line").asLong()).isEqualTo(5);
        assertThat(reject.path("rejections").get(0).path("field").asString()).isEqualTo("intervalStart");
        assertThat(reject.path("rejections").get(0).path("reason").asString()).contains("of line 4");
    }

    @Test
    void aRowFurtherOutOfPlaceThanTheWindowIsAcceptedAndCountedAndTheRestIsPublishedInOrder() throws Exception {
        var csv = new StringBuilder("timestamp,value\n");
        for (int h = 1; h <= 8; h++) {
            csv.append("2024-03-05T").append(String.format("%02d", h)).append(":00:00Z,").append(h).append('\n');
        }
        csv.append("2024-03-05T00:00:00Z,0\n");
        JsonNode job = ingest(csv.toString().getBytes(StandardCharsets.UTF_8), generic(series(), null));

        assertThat(job.path("accepted").asLong()).isEqualTo(9);
        assertThat(job.path("rejected").asLong()).isZero();
        assertThat(job.path("ordering").path("lateOutOfOrder").asLong()).isEqualTo(1);
    }

    @Test
    void aNewestFirstFileIsPublishedOldestFirstWithItsRejectionsNamingTheirLinesInTheFile() throws Exception {
        String header = new String(IngestionPipelineTest.odre(2000), StandardCharsets.UTF_8).lines().findFirst()
                .orElseThrow();
        var csv = new StringBuilder(header).append('\n');
        Instant end = Instant.parse("2010-06-30T22:00:00Z");
        int rows = 48;
        for (int i = 0; i < rows; i++) {
            Instant t = end.minus(Duration.ofMinutes(30L * i));
            String value = i == 10 ? "4x" : Integer.toString(40_000 + i);
            csv.append(t.toString().replace("Z", "+00:00")).append(";01/07/2010;00:00;;;;;;").append(value)
                    .append(";Consolidé;;non\n");
        }
        JsonNode job = ingest(csv.toString().getBytes(StandardCharsets.UTF_8), "kind=consumption&filename=desc.csv");

        assertThat(job.path("ordering").path("newestFirst").asBoolean()).isTrue();
        assertThat(job.path("ordering").path("lateOutOfOrder").asLong()).isZero();
        // Every row has its electricity half-hour, full hours a (missing) gas hour too; row 10's value is unreadable.
        int records = rows + rows / 2;
        assertThat(job.path("accepted").asLong()).isEqualTo(records - 1);
        assertThat(job.path("rejections").get(0).path("line").asLong()).isEqualTo(12);
        List<ConsumptionMeasured> published = published(job.path("id").asString(), records - 1).stream()
                .filter(m -> m.seriesId().startsWith("electricity:")).toList();
        assertThat(published).hasSize(rows - 1);
        assertThat(published).extracting(ConsumptionMeasured::intervalStart).isSorted();
        assertThat(published.getFirst().value()).isEqualTo(40_000.0 + rows - 1);
        assertThat(published.getFirst().lineage().lineNumber()).isEqualTo(rows + 1L);
    }

    @Test
    void anUnknownPolicyAndAPolicyOnAnotherKindAreRefusedNamingTheParameter() throws Exception {
        var unknown = api.upload(REPEATS.getBytes(StandardCharsets.UTF_8), generic(series(), "newest"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().path("errors").get(0).path("field").asString()).isEqualTo("duplicates");

        var weather = api.upload("region,day\n".getBytes(StandardCharsets.UTF_8), "kind=weather&duplicates=mean");
        assertThat(weather.status()).isEqualTo(400);
        assertThat(weather.body().path("errors").get(0).path("field").asString()).isEqualTo("duplicates");
    }

    /** The job's consumption records on the raw topic, in the order they were published. */
    private static List<ConsumptionMeasured> published(String jobId, int expected) {
        List<ConsumptionMeasured> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ordering-" + UUID.randomUUID()),
                new StringDeserializer(), EventSerde.of(ConsumptionMeasured.class, "test"))) {
            // One series lives in one partition, so its records come back in the order they were published.
            var partitions = consumer.partitionsFor(Topics.CONSUMPTION_RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (jobId.equals(r.value().lineage().ingestionJobId())) {
                        found.add(r.value());
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}

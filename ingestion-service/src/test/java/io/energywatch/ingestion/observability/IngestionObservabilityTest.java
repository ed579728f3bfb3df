package io.energywatch.ingestion.observability;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topics;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.jobs.IngestionPipelineTestFixtures;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.PrometheusScrape;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload on the real broker: every record it publishes carries a W3C traceparent (the start of the trace fusion and
 * detection continue), its log lines are ECS JSON with the service, the trace and the job id, and
 * {@code /actuator/prometheus} shows the job's rows, records out and duration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class IngestionObservabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("ingestion-observability-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
    }

    @Autowired
    Environment environment;

    @Test
    void anUploadsRecordsCarryTraceContextItsLogsAreEcsJsonAndItsMetersCount(CapturedOutput output) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var api = new IngestionApi(port);
        var answer = api.upload(IngestionPipelineTestFixtures.odre(2011), "kind=consumption");
        assertThat(answer.status()).isEqualTo(202);
        String jobId = answer.body().path("id").asString();
        var job = api.awaitJob(jobId, Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        long accepted = job.path("accepted").asLong();
        assertThat(accepted).isPositive();

        List<ConsumerRecord<String, ConsumptionMeasured>> published = rawRecordsOf(jobId);
        assertThat(published).hasSize((int) accepted);
        for (var record : published) {
            var traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
                    .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        }

        JsonNode line = jobLogLine(output, jobId);
        assertThat(line.path("service").path("name").asString()).isEqualTo("ingestion-service");
        assertThat(line.path("service").path("version").asString()).isNotBlank().isNotEqualTo("unknown");
        assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
        // ECS field names as dotted keys, which Elasticsearch reads as trace.id and span.id.
        assertThat(line.path("trace.id").asString()).matches("[0-9a-f]{32}");
        assertThat(line.path("span.id").asString()).matches("[0-9a-f]{16}");
        assertThat(line.has("traceId")).isFalse();

        var scrape = PrometheusScrape.of(port, TestTokens.token("prometheus", Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.sum("energywatch_ingestion_records_total", "kind", "consumption", "outcome", "accepted"))
                .isGreaterThanOrEqualTo(accepted);
        assertThat(scrape.sum("energywatch_ingestion_records_total", "kind", "consumption", "outcome", "rejected"))
                .isPositive();
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.CONSUMPTION_RAW.name(), "direction", "out"))
                .isGreaterThanOrEqualTo(accepted);
        assertThat(scrape.sum("energywatch_ingestion_job_seconds_count")).isPositive();
        // The job is done and nothing else was uploaded: no job waits for a worker.
        assertThat(scrape.matching("energywatch_ingestion_jobs_waiting")).isNotEmpty();
        assertThat(scrape.sum("energywatch_ingestion_jobs_waiting")).isZero();
        assertThat(scrape.matching("kafka_producer_record_send_total")).isNotEmpty();
        assertThat(scrape.body()).contains("spring_kafka_template_seconds_count");
    }

    /** The first JSON log line that names the job in its MDC. */
    private static JsonNode jobLogLine(CapturedOutput output, String jobId) {
        for (String text : output.getOut().split("\n")) {
            if (text.startsWith("{") && text.contains(jobId)) {
                JsonNode node = JSON.readTree(text);
                if (jobId.equals(node.path("jobId").asString())) {
                    return node;
                }
            }
        }
        throw new AssertionError("no JSON log line with jobId " + jobId + " in:\n" + output.getOut());
    }

    private static List<ConsumerRecord<String, ConsumptionMeasured>> rawRecordsOf(String jobId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        String topic = Topics.CONSUMPTION_RAW.name();
        List<ConsumerRecord<String, ConsumptionMeasured>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                EventSerde.of(ConsumptionMeasured.class, "test"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            // Only this job's records are kept: the shared broker holds every earlier test's uploads, the real
            // datasets included, far more than the test's heap.
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && jobId.equals(r.value().lineage().ingestionJobId())) {
                        records.add(r);
                    }
                });
            }
        }
        return records;
    }
}

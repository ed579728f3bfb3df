package io.energywatch.local;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One reading followed through the real broker across ingestion, fusion and anomaly detection: the three services'
 * executable jars, each in its own JVM as deployed, on this test's embedded KRaft broker, MongoDB wire server and real
 * Elasticsearch. An hourly series with one spike is uploaded with a {@code traceparent}; the spike's raw record carries
 * a trace id that its enriched record and its anomaly carry too, and the upload's own trace id is on ingestion's ECS log
 * line of the job (records start their own traces at their producer spans: one reading, one trace).
 */
class TraceAcrossServicesTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Instant START = Instant.parse("2024-03-04T00:00:00Z");
    private static final int HOURS = 168;
    private static final int SPIKE = 130;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The upload's trace: W3C trace context, sampled. */
    private static final String UPLOAD_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void oneReadingKeepsItsTraceIdFromTheRawTopicThroughFusionToItsAnomaly() throws Exception {
        String series = "electricity:11:ext-trace" + RUN + ":PT1H";
        var workspace = new Workspace(Path.of(".."));
        Map<String, String> common = ServiceJvm.onTestServers("trace-" + RUN);

        List<ServiceJvm> services = new ArrayList<>();
        try {
            var ingestion = start(workspace, "ingestion-service", common, Map.of(
                    "energywatch.ingestion.spool-dir", work.resolve("spool").toString()), services);
            start(workspace, "fusion-service", common, Map.of(
                    "energywatch.fusion.streams.application-id", "fusion-trace-" + RUN,
                    "energywatch.fusion.streams.state-dir", work.resolve("fusion-state").toString(),
                    "energywatch.fusion.indexing.group-id", "fusion-trace-indexer-" + RUN), services);
            start(workspace, "anomaly-service", common, Map.of(
                    "energywatch.anomaly.detection.group-id", "anomaly-trace-" + RUN,
                    "energywatch.anomaly.models.drift-group-id", "anomaly-trace-drift-" + RUN,
                    "energywatch.anomaly.notifications.anomaly-group-id", "anomaly-trace-alerts-" + RUN,
                    "energywatch.anomaly.notifications.drift-group-id", "anomaly-trace-drift-alerts-" + RUN,
                    "energywatch.anomaly.models.registry-dir", work.resolve("models").toString(),
                    "energywatch.anomaly.indices.anomalies", "ew-trace-anomalies-" + RUN), services);
            for (ServiceJvm s : services) {
                s.awaitHealthy(Duration.ofMinutes(3));
            }

            var upload = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestion.port()
                            + "/api/v1/ingestions?kind=consumption&format=generic-csv&timestampColumn=timestamp"
                            + "&valueColumn=value&unit=MW&seriesId=" + series + "&filename=trace.csv"))
                    .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "text/csv")
                    .header("traceparent", "00-" + UPLOAD_TRACE + "-00f067aa0ba902b7-01")
                    .POST(HttpRequest.BodyPublishers.ofString(csv())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(202);
            String jobId = JSON.readTree(upload.body()).path("id").asString();
            Instant spike = START.plus(Duration.ofHours(SPIKE));

            var raw = awaitRecord(Topics.CONSUMPTION_RAW, series,
                    (ConsumptionMeasured m) -> m.intervalStart().equals(spike));
            String trace = traceId(raw);
            assertThat(trace).as("the raw record's traceparent").isNotNull();
            var enriched = awaitRecord(Topics.CONSUMPTION_ENRICHED, series,
                    (ConsumptionEnriched e) -> e.measurement().intervalStart().equals(spike));
            assertThat(traceId(enriched)).as("the enriched record continues the reading's trace").isEqualTo(trace);
            var anomaly = awaitRecord(Topics.ANOMALIES, series,
                    (AnomalyDetected a) -> a.intervalStart().equals(spike));
            assertThat(traceId(anomaly)).as("the anomaly continues the reading's trace").isEqualTo(trace);

            // The upload's own trace is the job's: ingestion's ECS line of that job carries it.
            await("ingestion's log line of job " + jobId).atMost(Duration.ofSeconds(30))
                    .until(() -> ecsLines(services.getFirst().log()).stream().anyMatch(line ->
                            jobId.equals(line.path("jobId").asString())
                                    && UPLOAD_TRACE.equals(line.path("trace.id").asString())));
        } finally {
            services.forEach(ServiceJvm::stop);
        }
    }

    private ServiceJvm start(Workspace workspace, String module, Map<String, String> common, Map<String, String> own,
                             List<ServiceJvm> started) {
        var service = ServiceJvm.start(workspace, module, common, own, work);
        started.add(service);
        return service;
    }

    /** The hourly series: a daily sine around 1,000 MW with seeded noise, one hour 80 % above the curve. */
    private static String csv() {
        var noise = new Random(7);
        var out = new StringBuilder("timestamp,value\n");
        for (int i = 0; i < HOURS; i++) {
            double base = 1000 + 300 * Math.sin(2 * Math.PI * (i % 24) / 24.0) + noise.nextGaussian() * 5;
            out.append(START.plus(Duration.ofHours(i))).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", i == SPIKE ? base * 1.8 : base))
                    .append('\n');
        }
        return out.toString();
    }

    /** The first record of {@code topic} with key {@code series} whose value matches, read from the beginning. */
    private static <V extends EnergyWatchEvent> ConsumerRecord<String, V> awaitRecord(Topic<V> topic, String series,
                                                                                      Predicate<V> wanted) {
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), EventSerde.of(topic.valueType(), "trace-test"))) {
            consumer.subscribe(List.of(topic.name()));
            await(topic.name() + " record of " + series).atMost(Duration.ofMinutes(2)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (series.equals(r.key()) && r.value() != null && wanted.test(r.value())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }

    /** The trace id of a record's {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    private static String traceId(ConsumerRecord<String, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        return Optional.ofNullable(header).map(h -> new String(h.value(), StandardCharsets.UTF_8).split("-")[1])
                .orElse(null);
    }

    /** The JSON lines of a service's console (ECS), the others (a banner, a JVM warning) left out. */
    private static List<JsonNode> ecsLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            if (line.startsWith("{")) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}

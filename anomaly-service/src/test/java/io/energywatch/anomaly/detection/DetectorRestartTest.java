package io.energywatch.anomaly.detection;

import io.energywatch.testsupport.TestTokens;

import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.anomaly.AnomalyServiceApplication;
import io.energywatch.anomaly.Api;
import io.energywatch.anomaly.KafkaClients;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.anomaly.models.SeriesGroup;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service stopped mid-stream and started again on the same stores scores the rest of the stream as a service
 * that never stopped: its detectors, frame history and forest schedule are rebuilt from the enriched topic
 * ({@link DetectorRebuild}) before the first new record, and the forests it trained are found again, not retrained.
 * Three application contexts on the real broker: one stopped after 290 of 480 hourly rows and its successor, and an
 * uninterrupted one reading the same records in its own group, MongoDB database and registry.
 */
class DetectorRestartTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int HOURS = 24 * 20;
    private static final int STOP = 290;

    @TempDir
    Path restartedRegistry;

    @TempDir
    Path uninterruptedRegistry;

    @Test
    void scoresAndForestVersionsAfterARestartEqualThoseOfAnUninterruptedRun() {
        var series = SyntheticSeries.series("ext-restart" + RUN);
        List<ConsumptionEnriched> events = SyntheticSeries.enriched(series, "11",
                SyntheticSeries.values(HOURS, Set.of(100, 300, 420)));
        var kafka = new KafkaClients(KafkaTestBroker.bootstrapServers());
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(), events.subList(0, STOP), e -> e.measurement().seriesId());

        try (var first = start("restarted", restartedRegistry)) {
            awaitDrained(first);
        }
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(), events.subList(STOP, HOURS),
                e -> e.measurement().seriesId());
        List<String> restarted;
        try (var second = start("restarted", restartedRegistry)) {
            awaitDrained(second);
            restarted = verdicts(second, series.toString());
        }
        List<String> uninterrupted;
        try (var whole = start("uninterrupted", uninterruptedRegistry)) {
            awaitDrained(whole);
            uninterrupted = verdicts(whole, series.toString());
        }

        String modelId = SeriesGroup.of(series.toString()).modelId();
        assertThat(uninterrupted).anyMatch(v -> v.contains(modelId)).anyMatch(v -> v.contains("SPIKE CRITICAL"));
        assertThat(restarted).containsExactlyElementsOf(uninterrupted);
        assertThat(windows(restartedRegistry, modelId)).hasSize(4)
                .containsExactlyElementsOf(windows(uninterruptedRegistry, modelId));
    }

    private static ConfigurableApplicationContext start(String name, Path registry) {
        Map<String, String> properties = new HashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers());
        properties.put("spring.elasticsearch.uris", ElasticsearchTestServer.shared().url());
        properties.put("spring.mongodb.uri", MongoWireTestServer.shared().uri("anomaly-" + name + "-" + RUN));
        properties.put("energywatch.anomaly.detection.group-id", "anomaly-" + name + "-" + RUN);
        properties.put("energywatch.anomaly.models.drift-group-id", "anomaly-drift-" + name + "-" + RUN);
        properties.put("energywatch.anomaly.notifications.anomaly-group-id", "alerts-" + name + "-" + RUN);
        properties.put("energywatch.anomaly.notifications.drift-group-id", "drift-alerts-" + name + "-" + RUN);
        properties.put("energywatch.anomaly.indices.anomalies", "ew-it-restart-" + name + "-" + RUN);
        properties.put("energywatch.anomaly.models.registry-dir", registry.toString());
        // Forests after three days of rows and every four days, scored as the larger of the two scores, so the
        // forests' own findings are part of what must be equal.
        properties.put("energywatch.anomaly.models.min-history", "P3D");
        properties.put("energywatch.anomaly.models.retrain-every", "P4D");
        properties.put("energywatch.anomaly.models.min-training-frames", "20");
        properties.put("energywatch.anomaly.models.forest-alone", "0.5");
        properties.putAll(TestTokens.properties());
        // As command-line arguments: above application.yml, as a deployment's overrides are.
        return new SpringApplicationBuilder(AnomalyServiceApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }

    /** Until the detector group has committed the end of every partition of the enriched topic. */
    private static void awaitDrained(ConfigurableApplicationContext context) {
        String group = context.getEnvironment().getRequiredProperty("energywatch.anomaly.detection.group-id");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
                var partitions = admin.describeTopics(List.of(Topics.CONSUMPTION_ENRICHED.name())).allTopicNames()
                        .get().get(Topics.CONSUMPTION_ENRICHED.name()).partitions().stream()
                        .map(p -> new TopicPartition(Topics.CONSUMPTION_ENRICHED.name(), p.partition())).toList();
                var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                        p -> OffsetSpec.latest()))).all().get();
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                // A partition without records gets no committed offset.
                return partitions.stream().allMatch(p -> (committed.get(p) == null ? 0 : committed.get(p).offset())
                        >= ends.get(p).offset());
            });
        }
    }

    private static List<String> verdicts(ConfigurableApplicationContext context, String series) {
        var api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        JsonNode page = api.get("/api/v1/anomalies?series=" + series + "&size=500&sort=time").json();
        return page.path("content").valueStream()
                .map(a -> a.path("intervalStart").asString() + " " + a.path("type").asString() + " "
                        + a.path("severity").asString() + " " + a.path("score").asDouble() + " "
                        + a.path("modelId").asString() + " v" + a.path("modelVersion").asString())
                .sorted().toList();
    }

    private static List<String> windows(Path registry, String modelId) {
        return new LocalModelRegistry(registry).versions(modelId).stream()
                .map(v -> v.version() + " " + v.trainingWindow().from() + ".." + v.trainingWindow().to()).toList();
    }
}

package io.energywatch.anomaly;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.ServiceInstances;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two instances of the anomaly service in one consumer group on the real broker (embedded KRaft), the Mongo
 * wire server and the real Elasticsearch split the enriched partitions between them, and every spike comes out on the
 * anomalies topic exactly once (by anomaly id), whichever instance scored its series.
 */
class TwoInstancesTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String GROUP = "anomaly-two-" + RUN;
    /** The detector's listener id (DetectionConfiguration). */
    private static final String DETECTOR = "anomaly-detector";
    private static final int HOURS = 168;
    private static final Set<Integer> SPIKES = Set.of(80, 120);

    private static ServiceInstances instances;

    @BeforeAll
    static void startTwoInstances() {
        instances = ServiceInstances.start(AnomalyServiceApplication.class, 2, instance -> Map.of(
                "spring.elasticsearch.uris", ElasticsearchTestServer.shared().url(),
                "spring.mongodb.uri", MongoWireTestServer.shared().uri(GROUP),
                "energywatch.anomaly.detection.group-id", GROUP,
                "energywatch.anomaly.models.drift-group-id", GROUP + "-drift",
                "energywatch.anomaly.notifications.anomaly-group-id", GROUP + "-alerts",
                "energywatch.anomaly.notifications.drift-group-id", GROUP + "-drift-alerts",
                "energywatch.anomaly.indices.anomalies", "ew-two-anomalies-" + RUN,
                // One registry directory, as the instances of a deployment share one volume (or MLflow).
                "energywatch.anomaly.models.registry-dir", System.getProperty("java.io.tmpdir") + "/" + GROUP
                        + "-models"));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void twoInstancesSplitThePartitionsAndReportEverySpikeExactlyOnce() {
        String enriched = Topics.CONSUMPTION_ENRICHED.name();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (var instance : instances.all()) {
                assertThat(assigned(instance)).isNotEmpty();
            }
        });
        Set<TopicPartition> first = assigned(instances.get(0));
        Set<TopicPartition> second = assigned(instances.get(1));
        assertThat(first).doesNotContainAnyElementsOf(second);
        Set<TopicPartition> both = new HashSet<>(first);
        both.addAll(second);
        assertThat(both).hasSize(Topics.CONSUMPTION_ENRICHED.partitionsHint());

        // A new group starts from the earliest offsets: once the earlier tests' records are behind it, the instances'
        // counters are read, so what follows counts this test's records only.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> caughtUp(enriched));
        double firstBefore = instances.recordsIn(0, enriched);
        double secondBefore = instances.recordsIn(1, enriched);

        // One series per enriched partition, each with the same two spikes.
        List<SeriesId> series = ServiceInstances.keysCoveringEveryPartition(
                Topics.CONSUMPTION_ENRICHED.partitionsHint(),
                i -> SyntheticSeries.series("ext-two" + RUN + "-" + i).toString()).stream().map(SeriesId::parse).toList();
        List<ConsumptionEnriched> events = new ArrayList<>();
        for (SeriesId id : series) {
            events.addAll(SyntheticSeries.enriched(id, "11", SyntheticSeries.values(HOURS, SPIKES)));
        }
        var kafka = new KafkaClients(KafkaTestBroker.bootstrapServers());
        kafka.produce(enriched, events, e -> e.measurement().seriesId());

        Set<String> keys = series.stream().map(SeriesId::toString).collect(Collectors.toSet());
        int expected = series.size() * SPIKES.size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                published(kafka, keys).stream().map(AnomalyDetected::anomalyId).distinct().count() >= expected
                        && caughtUp(enriched));
        // Every spike once by anomaly id. (In the full module run the cached contexts of other test classes also
        // score the enriched topic under their own groups and may add their copies: duplicates are counted on the two
        // instances' own counters below.)
        List<AnomalyDetected> anomalies = published(kafka, keys);
        assertThat(anomalies.stream().map(AnomalyDetected::anomalyId).distinct()).hasSize(expected);
        Set<String> spikes = new HashSet<>();
        for (String key : keys) {
            SPIKES.forEach(h -> spikes.add(key + "@" + SyntheticSeries.hour(h)));
        }
        assertThat(anomalies.stream().map(a -> a.seriesId() + "@" + a.intervalStart()).collect(Collectors.toSet()))
                .isEqualTo(spikes);

        // Each instance scored only its own partitions' records, and together every record once.
        double firstIn = instances.recordsIn(0, enriched) - firstBefore;
        double secondIn = instances.recordsIn(1, enriched) - secondBefore;
        assertThat(firstIn).isPositive();
        assertThat(secondIn).isPositive();
        assertThat(firstIn + secondIn).isEqualTo(events.size());
    }

    private static Set<TopicPartition> assigned(ConfigurableApplicationContext instance) {
        MessageListenerContainer container = instance.getBean(KafkaListenerEndpointRegistry.class)
                .getListenerContainer(DETECTOR);
        Collection<TopicPartition> partitions = container == null ? null : container.getAssignedPartitions();
        return partitions == null ? Set.of() : Set.copyOf(partitions);
    }

    private static List<AnomalyDetected> published(KafkaClients kafka, Set<String> keys) {
        return kafka.read(Topics.ANOMALIES.name(), AnomalyDetected.class).stream()
                .filter(r -> keys.contains(r.key())).map(ConsumerRecord::value).toList();
    }

    /** True when the detection group has committed every partition of {@code topic} up to its end. */
    private static boolean caughtUp(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0 || committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue().offset());
        }
    }
}

package io.energywatch.fusion;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventIds;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.ServiceInstances;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out: two instances of the fusion service with one application id on the real broker (embedded KRaft) split the
 * raw consumption partitions between them, each keeps a standby of the other's state, and every measurement comes
 * out on the enriched topic exactly once (by event id), whichever instance enriched it.
 */
class TwoInstancesTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String APPLICATION_ID = "fusion-two-" + RUN;
    private static final int HOURS = 48;
    /**
     * A region and days (below) no other test of this JVM sends weather or movements for: the new application id
     * reads the raw topics from the start, and context arriving for these days would re-emit them (same event ids,
     * by design) and count twice here.
     */
    private static final String REGION = "94";
    private static final Lineage LINEAGE = new Lineage("fusion-two-instances-test", null, null,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));

    private static ServiceInstances instances;

    @BeforeAll
    static void startTwoInstances() {
        instances = ServiceInstances.start(FusionServiceApplication.class, 2, instance -> Map.of(
                "spring.elasticsearch.uris", ElasticsearchTestServer.shared().url(),
                "energywatch.fusion.streams.application-id", APPLICATION_ID,
                "energywatch.fusion.streams.standby-replicas", 1,
                "energywatch.fusion.indexing.group-id", APPLICATION_ID + "-indexer",
                // Instances on one machine need their own state directories; in Kubernetes each pod has its own.
                "energywatch.fusion.streams.state-dir", System.getProperty("java.io.tmpdir") + "/" + APPLICATION_ID
                        + "-" + instance));
    }

    @AfterAll
    static void stop() {
        instances.close();
    }

    @Test
    void twoInstancesSplitThePartitionsAndEnrichEveryMeasurementExactlyOnce() {
        String raw = Topics.CONSUMPTION_RAW.name();
        // Both instances running with active tasks: the group has settled before anything is sent.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (var instance : instances.all()) {
                assertThat(streams(instance).state()).isEqualTo(KafkaStreams.State.RUNNING);
                assertThat(activePartitions(instance, raw)).isNotEmpty();
            }
        });
        Set<TopicPartition> first = activePartitions(instances.get(0), raw);
        Set<TopicPartition> second = activePartitions(instances.get(1), raw);
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(union(first, second)).hasSize(Topics.CONSUMPTION_RAW.partitionsHint());
        // standby-replicas 1: each instance also holds a warm copy of tasks the other one runs.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            for (var instance : instances.all()) {
                assertThat(tasks(instance, false)).isNotEmpty();
            }
        });

        // A new application id starts from the earliest offsets: once the earlier tests' measurements are behind it,
        // the instances' counters are read, so what follows counts this test's measurements only.
        var kafka = new KafkaTestClients(KafkaTestBroker.bootstrapServers());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.caughtUp(APPLICATION_ID, raw));
        double firstBefore = instances.recordsIn(0, raw);
        double secondBefore = instances.recordsIn(1, raw);

        // One series per raw partition, so both instances have work.
        List<ConsumptionMeasured> measured = new ArrayList<>();
        for (String series : ServiceInstances.keysCoveringEveryPartition(Topics.CONSUMPTION_RAW.partitionsHint(),
                i -> SeriesId.of(Carrier.ELECTRICITY, REGION, "ext-two" + RUN + "-" + i, "PT1H").toString())) {
            measured.addAll(hours(SeriesId.parse(series)));
        }
        kafka.produce(raw, measured, ConsumptionMeasured::seriesId);

        Set<String> keys = measured.stream().map(ConsumptionMeasured::seriesId).collect(Collectors.toSet());
        // An enriched record's id derives from its measurement's (ConsumptionEnriched).
        Set<String> expected = measured.stream().map(m -> EventIds.of("enriched", m.eventId()))
                .collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                new HashSet<>(enrichedIds(kafka, keys)).containsAll(expected));
        // No loss: every measurement's enriched id is on the topic. (Other test classes' cached contexts of this JVM
        // run their own fusion on the same topics, so the topic may hold their copies too: duplicates are counted on
        // the two instances' own output below.)
        assertThat(new HashSet<>(enrichedIds(kafka, keys))).isEqualTo(expected);

        // Each instance enriched only its own partitions' measurements, and together all of them.
        double firstIn = instances.recordsIn(0, raw) - firstBefore;
        double secondIn = instances.recordsIn(1, raw) - secondBefore;
        assertThat(firstIn).isPositive();
        assertThat(secondIn).isPositive();
        assertThat(firstIn + secondIn).isEqualTo(measured.size());
    }

    private static KafkaStreams streams(ConfigurableApplicationContext instance) {
        return instance.getBean(StreamsBuilderFactoryBean.class).getKafkaStreams();
    }

    private static Set<TaskMetadata> tasks(ConfigurableApplicationContext instance, boolean active) {
        Set<TaskMetadata> tasks = new HashSet<>();
        for (ThreadMetadata thread : streams(instance).metadataForLocalThreads()) {
            tasks.addAll(active ? thread.activeTasks() : thread.standbyTasks());
        }
        return tasks;
    }

    private static Set<TopicPartition> activePartitions(ConfigurableApplicationContext instance, String topic) {
        return tasks(instance, true).stream().flatMap(t -> t.topicPartitions().stream())
                .filter(p -> p.topic().equals(topic)).collect(Collectors.toSet());
    }

    private static Set<TopicPartition> union(Set<TopicPartition> a, Set<TopicPartition> b) {
        Set<TopicPartition> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Event ids of the committed enriched records of these series. */
    private static List<String> enrichedIds(KafkaTestClients kafka, Set<String> keys) {
        return kafka.readCommitted(Topics.CONSUMPTION_ENRICHED.name(), EventSerde.of(ConsumptionEnriched.class, "test"))
                .stream().filter(r -> keys.contains(r.key())).map(r -> r.value().eventId()).toList();
    }

    private static List<ConsumptionMeasured> hours(SeriesId series) {
        List<ConsumptionMeasured> values = new ArrayList<>();
        Instant start = Instant.parse("2013-03-12T00:00:00Z");
        for (int h = 0; h < HOURS; h++) {
            Instant t = start.plus(Duration.ofHours(h));
            values.add(ConsumptionMeasured.of(series, REGION, t, t.plus(Duration.ofHours(1)), 400.0 + h % 24 * 5,
                    MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(), LINEAGE));
        }
        return values;
    }
}

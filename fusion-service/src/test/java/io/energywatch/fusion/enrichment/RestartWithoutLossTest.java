package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.SeriesId;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fusion on the real broker, stopped in the middle of its input and started again from another state directory
 * (as a new pod would): with exactly_once_v2 the committed output holds every measurement exactly once.
 */
class RestartWithoutLossTest {

    private static final int SERIES = 20;
    private static final int DAYS = 12;
    /** A stop that leaves the group, as a service shutting down does, so the restarted one need not wait for expiry. */
    private static final CloseOptions STOP = CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    private static final java.time.Instant ACCEPTED = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @Test
    void stoppingTheFusionMidStreamAndStartingItAgainLosesAndDuplicatesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        FusionTopics topics = FusionTopics.suffixed(".restart-" + run);
        var kafka = new KafkaTestClients(KafkaTestBroker.bootstrapServers());
        kafka.createTopics(6, topics.consumption(), topics.weather(), topics.enriched());
        kafka.createTopics(1, topics.movements());
        // No weather: every measurement is emitted exactly once, so the committed output must equal the input.
        List<ConsumptionMeasured> input = input();
        // The second half is produced only after the stop: however fast the first instance runs, it is stopped with
        // input still ahead of it, and most likely in the middle of the first half.
        int half = input.size() / 2;
        kafka.produce(topics.consumption(), input.subList(0, half), ConsumptionMeasured::seriesId);
        String applicationId = "fusion-restart-" + run;

        try (KafkaStreams first = streams(topics, applicationId)) {
            first.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> committedOutput(kafka, topics).size() >= input.size() / 5);
            first.close(STOP);
        }
        int beforeRestart = committedOutput(kafka, topics).size();
        assertThat(beforeRestart).as("committed before the stop").isPositive();
        assertThat(beforeRestart).as("stopped mid-stream").isLessThan(input.size());
        kafka.produce(topics.consumption(), input.subList(half, input.size()), ConsumptionMeasured::seriesId);

        try (KafkaStreams second = streams(topics, applicationId)) {
            second.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> kafka.caughtUp(applicationId, topics.consumption()));
            List<ConsumerRecord<String, ConsumptionEnriched>> output = committedOutput(kafka, topics);

            Set<String> expected = input.stream().map(ConsumptionMeasured::eventId).collect(Collectors.toSet());
            Set<String> found = output.stream().map(r -> r.value().measurement().eventId()).collect(Collectors.toSet());
            Set<String> lost = new java.util.TreeSet<>(expected);
            lost.removeAll(found);
            assertThat(lost).as("no measurement lost").isEmpty();
            assertThat(output).as("no measurement emitted twice").hasSize(input.size());
            second.close(STOP);
        }
    }

    private static List<ConsumerRecord<String, ConsumptionEnriched>> committedOutput(KafkaTestClients kafka,
                                                                                   FusionTopics topics) {
        return kafka.readCommitted(topics.enriched(), EventSerde.of(ConsumptionEnriched.class, "test"));
    }

    private static List<ConsumptionMeasured> input() {
        List<ConsumptionMeasured> values = new ArrayList<>();
        LocalDate first = LocalDate.of(2023, 1, 1);
        for (int d = 0; d < DAYS; d++) {
            for (int s = 0; s < SERIES; s++) {
                SeriesId series = SeriesId.of(io.energywatch.contracts.Carrier.ELECTRICITY, "meter-restart-" + s, "sim",
                        "PT30M");
                // Accepted now: the broker's retention counts from the enriched records' timestamps.
                Events.dayOfHalfHours(series, first.plusDays(d), 1.0 + s).forEach(m -> values.add(acceptedNow(m)));
            }
        }
        return values;
    }

    private static ConsumptionMeasured acceptedNow(ConsumptionMeasured m) {
        return new ConsumptionMeasured(m.eventId(), m.seriesId(), m.carrier(), m.area(), m.regionCode(), m.source(),
                m.resolution(), m.intervalStart(), m.intervalEnd(), m.value(), m.unit(), m.powerMw(), m.energyMwh(),
                m.quality(), m.flags(), new Lineage("restart-test", null, null, ACCEPTED));
    }

    private static KafkaStreams streams(FusionTopics topics, String applicationId) throws java.io.IOException {
        Path state = Files.createTempDirectory("fusion-restart");
        var settings = new FusionSettings(Duration.ofDays(2), Duration.ofDays(30), Duration.ofHours(1), 6, 18.0, 22.0,
                "/energywatch/fusion-service");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
        props.put(StreamsConfig.consumerPrefix("max.poll.records"), 500);
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return new KafkaStreams(new FusionTopology(topics, settings, FusionDriver.times(Instant.now())).topology(), props);
    }

}

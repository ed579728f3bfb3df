package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fusion started as the service starts it, after its weather view has read the raw weather topic, on the real
 * broker: a backfill whose weather was published first is enriched once, with its weather, by every task; after a
 * restart from another state directory the kept days come back from the changelogs, and a weather correction re-emits
 * exactly the records of the corrected region's day and the national ones of that day.
 */
class WeatherViewBootstrapTest {

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 2, 5);
    private static final int DAYS = 3;
    private static final Instant ACCEPTED = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Lineage LINEAGE = new Lineage("view-test", null, null, ACCEPTED);
    private static final SeriesId NATIONAL = SeriesId.of(Carrier.ELECTRICITY, "FR", "odre", "PT30M");
    private static final CloseOptions STOP = CloseOptions.timeout(Duration.ofSeconds(30))
            .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);

    @Test
    void aBackfillWhoseWeatherCameFirstIsEnrichedOnceAndARestoredDayIsReEmittedOnCorrection() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        FusionTopics topics = FusionTopics.suffixed(".view-" + run);
        var kafka = new KafkaTestClients(KafkaTestBroker.bootstrapServers());
        kafka.createTopics(6, topics.consumption(), topics.weather(), topics.enriched());
        kafka.createTopics(1, topics.movements());
        List<WeatherObserved> weather = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            for (Region r : Regions.ALL) {
                weather.add(weather(r.code(), FIRST_DAY.plusDays(d), 2.0 + d));
            }
        }
        kafka.produce(topics.weather(), weather, WeatherObserved::regionCode);
        // An unreadable weather record: the view skips it (the fusion dead-letters it).
        kafka.produceBytes(topics.weather(), "53", "{not json".getBytes(StandardCharsets.UTF_8));
        List<ConsumptionMeasured> input = new ArrayList<>();
        List<SeriesId> series = new ArrayList<>(Regions.ALL.stream()
                .map(r -> SeriesId.of(Carrier.ELECTRICITY, r.code(), "eco2mix", "PT30M")).toList());
        series.add(NATIONAL);
        for (int d = 0; d < DAYS; d++) {
            for (SeriesId s : series) {
                Events.dayOfHalfHours(s, FIRST_DAY.plusDays(d), 100.0).forEach(m -> input.add(acceptedNow(m)));
            }
        }
        kafka.produce(topics.consumption(), input, ConsumptionMeasured::seriesId);
        String applicationId = "fusion-view-" + run;

        try (var view = view(topics, applicationId); var fusion = streams(topics, applicationId, view)) {
            assertThat(view.start(Duration.ofSeconds(60))).as("view bootstrapped").isTrue();
            assertThat(view.day(FIRST_DAY)).hasSize(Regions.ALL.size());
            fusion.start();
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .until(() -> kafka.caughtUp(applicationId, topics.consumption()));
            List<ConsumerRecord<String, ConsumptionEnriched>> output = committed(kafka, topics);

            assertThat(output).as("every measurement emitted once").hasSize(input.size());
            assertThat(output).allSatisfy(r -> assertThat(r.value().weather().missing()).isFalse());
            assertThat(output).filteredOn(r -> r.value().measurement().seriesId().equals(NATIONAL.toString()))
                    .hasSize(3 * 48)
                    .allSatisfy(r -> assertThat(r.value().weather().basis())
                            .isEqualTo("population-weighted-national 13/13 regions"));
            fusion.close(STOP);
        }
        Set<String> before = committed(kafka, topics).stream().map(WeatherViewBootstrapTest::position)
                .collect(Collectors.toSet());

        // A correction of Bretagne's second day, then the fusion restarted from a new state directory.
        LocalDate corrected = FIRST_DAY.plusDays(1);
        kafka.produce(topics.weather(), List.of(weather("53", corrected, 12.0)), WeatherObserved::regionCode);
        try (var view = view(topics, applicationId); var fusion = streams(topics, applicationId, view)) {
            assertThat(view.start(Duration.ofSeconds(60))).isTrue();
            fusion.start();
            // The re-emission arrives, and nothing more follows it for two seconds.
            await().atMost(Duration.ofSeconds(90)).during(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(300))
                    .until(() -> committed(kafka, topics).size() == before.size() + 2 * 48);
            List<ConsumerRecord<String, ConsumptionEnriched>> again = committed(kafka, topics).stream()
                    .filter(r -> !before.contains(position(r))).toList();

            // Bretagne's and the national day of the correction, each of its 48 half-hours once, nothing else.
            Map<String, Long> bySeries = again.stream().collect(Collectors.groupingBy(
                    r -> r.value().measurement().seriesId() + " " + r.value().localDate(), Collectors.counting()));
            assertThat(bySeries).containsOnly(
                    Map.entry(SeriesId.of(Carrier.ELECTRICITY, "53", "eco2mix", "PT30M") + " " + corrected, 48L),
                    Map.entry(NATIONAL + " " + corrected, 48L));
            Map<String, ConsumptionEnriched> latest = new HashMap<>();
            again.forEach(r -> latest.put(r.value().eventId(), r.value()));
            assertThat(latest.values()).filteredOn(e -> e.measurement().regionCode() != null)
                    .allSatisfy(e -> assertThat(e.weather().tempMinC()).isEqualTo(12.0));
            fusion.close(STOP);
        }
    }

    private static String position(ConsumerRecord<?, ?> r) {
        return r.partition() + "@" + r.offset();
    }

    private static WeatherObserved weather(String region, LocalDate date, double min) {
        return new WeatherObserved(null, region, date, min, min + 8, null, 12.0, 80.0, 9.5, 50.0, null,
                "historique-meteo", List.of(), List.of(), LINEAGE);
    }

    private static ConsumptionMeasured acceptedNow(ConsumptionMeasured m) {
        return new ConsumptionMeasured(m.eventId(), m.seriesId(), m.carrier(), m.area(), m.regionCode(), m.source(),
                m.resolution(), m.intervalStart(), m.intervalEnd(), m.value(), m.unit(), m.powerMw(), m.energyMwh(),
                m.quality(), m.flags(), LINEAGE);
    }

    private static List<ConsumerRecord<String, ConsumptionEnriched>> committed(KafkaTestClients kafka,
                                                                             FusionTopics topics) {
        return kafka.readCommitted(topics.enriched(), EventSerde.of(ConsumptionEnriched.class, "test"));
    }

    private static Map<String, Object> config(String applicationId) throws java.io.IOException {
        Map<String, Object> config = new HashMap<>();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("fusion-view").toString());
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 2);
        config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        config.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        config.put(StreamsConfig.DEFAULT_TIMESTAMP_EXTRACTOR_CLASS_CONFIG, EventTimeExtractor.class.getName());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringDeserializationHandler.class.getName());
        return config;
    }

    private static GlobalWeatherView view(FusionTopics topics, String applicationId) throws java.io.IOException {
        return new GlobalWeatherView(topics.weather(), "/energywatch/fusion-service", config(applicationId));
    }

    private static KafkaStreams streams(FusionTopics topics, String applicationId, WeatherView view)
            throws java.io.IOException {
        var settings = new FusionSettings(Duration.ofDays(30), Duration.ofDays(400), Duration.ofHours(1), 6, 18.0,
                22.0, "/energywatch/fusion-service");
        var props = new java.util.Properties();
        props.putAll(config(applicationId));
        return new KafkaStreams(new FusionTopology(topics, settings, view, FusionDriver.times(Instant.now())).topology(), props);
    }
}

package io.energywatch.prediction.history;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.prediction.PredictionServiceApplication;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.TestTokens;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * prediction-service, the whole application in a JVM of its own, killed with SIGKILL while it writes the enriched
 * stream into its daily history, then started again on the same stores and consumer group (what {@code bench/run
 * faults} does to the running platform, in small): every interval sent is in the history once, with its value.
 * Nothing is lost because offsets are committed only after a batch's upserts, and a batch written again after the
 * kill sets the same values.
 */
class HistoryKillNineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final int SERIES = 8;
    private static final int DAYS = 30;
    private static final LocalDate FIRST = LocalDate.of(2022, 1, 3);
    private static final Lineage LINEAGE = new Lineage("history-kill-test", null, null,
            Instant.parse("2024-01-01T00:00:00Z"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path registry;

    @TempDir
    Path logs;

    @Test
    void killedMidStreamAndStartedAgainItsHistoryHoldsEveryIntervalOnce() throws Exception {
        String database = "history-kill-" + RUN;
        String group = "prediction-history-kill-" + RUN;
        String collection = "prediction_daily_history";
        publish(0, DAYS / 2);

        Process first = start(database, group, logs.resolve("first.log"));
        try (var mongo = MongoClients.create(MongoWireTestServer.shared().uri(database))) {
            var days = mongo.getDatabase(database).getCollection(collection);
            await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> days.estimatedDocumentCount() > 0 || !first.isAlive());
            assertThat(first.isAlive()).as("the first instance runs (log: %s)", logs.resolve("first.log")).isTrue();
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
            long beforeKill = days.estimatedDocumentCount();
            // The second half goes out only after the kill: the stream goes on past the crash whatever its timing.
            publish(DAYS / 2, DAYS);

            Process second = start(database, group, logs.resolve("second.log"));
            try {
                await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500))
                        .until(() -> caughtUp(group) || !second.isAlive());
                assertThat(second.isAlive()).as("the second instance runs (log: %s)", logs.resolve("second.log"))
                        .isTrue();
            } finally {
                second.destroy();
                second.waitFor(30, TimeUnit.SECONDS);
            }

            Map<String, Double> stored = new HashMap<>();
            int duplicated = 0;
            for (int s = 0; s < SERIES; s++) {
                String daily = series(s).withResolution("P1D").toString();
                List<String> ids = new ArrayList<>();
                for (int d = 0; d < DAYS; d++) {
                    ids.add(daily + "|" + FIRST.plusDays(d));
                }
                for (Document day : days.find(Filters.in("_id", ids))) {
                    Document intervals = day.get("intervals", Document.class);
                    for (String epoch : intervals.keySet()) {
                        String key = series(s) + "|" + Instant.ofEpochSecond(Long.parseLong(epoch));
                        if (stored.put(key, intervals.get(epoch, Document.class).getDouble("energyMwh")) != null) {
                            duplicated++;
                        }
                    }
                }
            }
            Map<String, Double> sent = new HashMap<>();
            forEachReading(0, DAYS, (s, m) -> sent.put(m.seriesId() + "|" + m.intervalStart(), m.energyMwh()));
            assertThat(beforeKill).as("days written before the kill").isPositive();
            assertThat(duplicated).as("intervals stored twice").isZero();
            assertThat(stored).as("every interval sent, with its value; nothing else").isEqualTo(sent);
        }
    }

    /** Eight half-hourly meters of this run, each interval's value distinct. */
    private static SeriesId series(int index) {
        return SeriesId.of(Carrier.ELECTRICITY, "meter-kill-" + RUN + "-" + index, "sim", "PT30M");
    }

    private static void forEachReading(int fromDay, int toDay, java.util.function.BiConsumer<Integer,
            ConsumptionMeasured> each) {
        for (int d = fromDay; d < toDay; d++) {
            LocalDate day = FIRST.plusDays(d);
            Instant end = day.plusDays(1).atStartOfDay(PARIS).toInstant();
            int slot = 0;
            for (Instant t = day.atStartOfDay(PARIS).toInstant(); t.isBefore(end); t = t.plusSeconds(1800)) {
                for (int s = 0; s < SERIES; s++) {
                    double mw = 1 + s + d * 0.01 + slot++ * 0.0001;
                    each.accept(s, ConsumptionMeasured.of(series(s), null, t, t.plusSeconds(1800), mw,
                            MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), LINEAGE));
                }
            }
        }
    }

    private static void publish(int fromDay, int toDay) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/history-kill-test"))) {
            forEachReading(fromDay, toDay, (s, m) -> {
                LocalDate day = LocalDate.ofInstant(m.intervalStart(), PARIS);
                var calendar = new CalendarContext(day.getDayOfWeek(), day.getDayOfWeek().getValue() >= 6, false,
                        null, false, null);
                var weather = new WeatherContext(true, null, null, null, null, null, null, null, null, null, null,
                        List.of());
                producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), m.seriesId(),
                        new ConsumptionEnriched(null, m, day, weather, calendar, SocialContext.none())));
            });
        }
    }

    /** The service in a JVM of its own, on the test servers, with this run's database and history group. */
    private Process start(String database, String group, Path log) throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                PredictionServiceApplication.class.getName()));
        Map.ofEntries(
                Map.entry("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers()),
                Map.entry("spring.elasticsearch.uris", ElasticsearchTestServer.shared().url()),
                Map.entry("spring.mongodb.uri", MongoWireTestServer.shared().uri(database)),
                Map.entry("server.port", "0"),
                Map.entry("energywatch.prediction.models.registry-dir", registry.toString()),
                Map.entry("energywatch.prediction.models.mlflow-tracking-uri", ""),
                Map.entry("energywatch.prediction.issuance.enabled", "false"),
                Map.entry("energywatch.prediction.history.group-id", group),
                // A small batch: the kill lands between many commits rather than before the first.
                Map.entry("energywatch.prediction.history.batch-size", "200"),
                Map.entry("energywatch.prediction.indices.group-id", group + "-indexing"),
                Map.entry("energywatch.prediction.indices.model-runs-group-id", group + "-model-runs"),
                Map.entry("energywatch.prediction.models.drift-group-id", group + "-drift"),
                Map.entry("energywatch.prediction.weather-forecasts.group-id", group + "-weather-forecasts"))
                .forEach((key, value) -> command.add("--" + key + "=" + value));
        command.addAll(List.of(TestTokens.arguments()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The history group has committed every record of the enriched topic. */
    private static boolean caughtUp(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            String topic = Topics.CONSUMPTION_ENRICHED.name();
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(java.util.stream.Collectors.toMap(p -> p,
                    p -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS);
            return partitions.stream().allMatch(p -> committed.get(p) != null
                    && committed.get(p).offset() >= ends.get(p).offset());
        }
    }
}

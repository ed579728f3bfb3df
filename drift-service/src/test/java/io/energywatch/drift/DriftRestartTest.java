package io.energywatch.drift;

import io.energywatch.testsupport.TestTokens;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.SeriesId;
import io.energywatch.drift.analysis.ScheduledRuns;
import io.energywatch.drift.reports.DriftReport;
import io.energywatch.drift.reports.ReportStore;
import io.energywatch.drift.watch.WatchedModels;
import io.energywatch.drift.window.EnrichedWindow;
import io.energywatch.drift.window.WindowScope;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Nothing learned is lost on restart: one service runs without interruption while another, on the same enriched
 * stream, is stopped half-way through a day and started again. The restarted one rebuilds its window from the topic
 * and its last runs from MongoDB, so its reports after the restart equal the uninterrupted one's, including a full run
 * over rows received before the restart. Runs are triggered by the test (catch-up off), so both services run at the
 * same stream times. Real Kafka broker (embedded KRaft) and Mongo wire server.
 */
class DriftRestartTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Path REGISTRY = Path.of(System.getProperty("java.io.tmpdir"), "drift-restart-" + RUN);
    private static final SeriesId SERIES = SeriesId.of(Carrier.ELECTRICITY, "11", "ext-restart" + RUN, "PT1H");
    private static final String MODEL = "anomaly-forest.electricity.ext-restart" + RUN + ".PT1H";
    private static final WindowScope SCOPE = new WindowScope("electricity", null, "ext-restart" + RUN, "PT1H", false);
    /** Local midnight (Europe/Paris) of 2024-02-01, the end of the training window. */
    private static final Instant FIRST = Instant.parse("2024-01-31T23:00:00Z");
    /** Ordinary days, then a heat wave with a demand cut from the third day on. */
    private static final EnrichedRecords.Level LEVEL = new EnrichedRecords.Level() {
        public double tempMeanC(int hour) {
            return hour >= 48 ? 17 : 10;
        }

        public double powerMw(int hour) {
            return hour >= 48 ? 7_500 : 9_000;
        }
    };

    @Test
    void reportsAfterARestartEqualThoseOfAnUninterruptedService() {
        registerChampion();
        // Hours 0-59: two days and half of the third; then hours 60-96: the rest, to the first hour of the fifth day.
        // Each part is drawn from its own seed, so both services read exactly the same records.
        try (var uninterrupted = start("uninterrupted")) {
            List<DriftReport> restarted;
            List<DriftReport> beforeRestart;
            try (var first = start("restarted")) {
                EnrichedRecords.produce(SERIES, FIRST, 60, LEVEL, 21);
                beforeRestart = runAt(first, FIRST.plus(Duration.ofHours(60)));
                assertThat(runAt(uninterrupted, FIRST.plus(Duration.ofHours(60)))).hasSize(2);
            }
            EnrichedRecords.produce(SERIES, FIRST.plus(Duration.ofHours(60)), 37, offset(LEVEL, 60), 22);
            var afterUninterrupted = runAt(uninterrupted, FIRST.plus(Duration.ofHours(97)));
            try (var second = start("restarted")) {
                restarted = runAt(second, FIRST.plus(Duration.ofHours(97)));
                assertThat(second.getBean(ScheduledRuns.class).runDue()).as("nothing run twice").isEmpty();
                assertThat(comparable(reports(second))).isEqualTo(comparable(reports(uninterrupted)));
            }

            assertThat(beforeRestart).extracting(DriftReport::trigger, DriftReport::windowTo).containsExactlyInAnyOrder(
                    tuple(DriftReport.Trigger.SCHEDULED_LIGHT, FIRST.plus(Duration.ofDays(2))),
                    tuple(DriftReport.Trigger.SCHEDULED_FULL, FIRST.plus(Duration.ofDays(2))));
            assertThat(comparable(restarted)).isEqualTo(comparable(afterUninterrupted)).hasSize(2);
            // The full run after the restart reads the third day, half of which arrived before it: 48 hours.
            var full = restarted.stream().filter(r -> r.trigger() == DriftReport.Trigger.SCHEDULED_FULL).findFirst()
                    .orElseThrow();
            assertThat(full.windowFrom()).isEqualTo(FIRST.plus(Duration.ofDays(2)));
            assertThat(full.currentRows()).isEqualTo(48);
            assertThat(full.overallStatus().name()).isIn("MODERATE", "SIGNIFICANT");
        }
    }

    private static void registerChampion() {
        var random = new Random(31);
        double[] temp = new double[3_000];
        double[] power = new double[3_000];
        for (int i = 0; i < temp.length; i++) {
            temp[i] = 10 + 3 * random.nextGaussian();
            power[i] = 9_000 + 450 * random.nextGaussian();
        }
        var registry = new LocalModelRegistry(REGISTRY);
        var version = registry.register(new ModelRegistration(MODEL, "anomaly", "isolation-forest",
                new TrainingWindow(FIRST.minus(Duration.ofDays(31)), FIRST, 3_000), Map.of(), 0.5,
                List.of(FeatureProfile.numeric("tempMeanC", temp, 10, 500, 1L),
                        FeatureProfile.numeric("value", power, 10, 500, 1L)), Map.of(), new byte[]{1}));
        registry.setAlias(MODEL, "champion", version.version());
    }

    /** The service of a name: the same name means the same consumer group and report collection (a restart). */
    private static ConfigurableApplicationContext start(String name) {
        var args = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + KafkaTestBroker.bootstrapServers(),
                "--spring.mongodb.uri=" + MongoWireTestServer.shared().uri("energywatch"),
                "--spring.elasticsearch.uris=http://127.0.0.1:" + FreePorts.find(),
                "--spring.elasticsearch.connection-timeout=200ms",
                "--energywatch.drift.registry.root=" + REGISTRY,
                "--energywatch.drift.window.group-id=drift-window-" + name + "-" + RUN,
                "--energywatch.drift.window.capacity-rows=20000",
                "--energywatch.drift.watch.models-group-id=drift-models-" + name + "-" + RUN,
                "--energywatch.drift.store.collection=drift_reports_" + name + "_" + RUN,
                "--energywatch.drift.watch.catch-up.enabled=false",
                "--energywatch.drift.schedule.full-window=P2D"));
        args.addAll(List.of(TestTokens.arguments()));
        return new SpringApplicationBuilder(DriftServiceApplication.class).run(args.toArray(String[]::new));
    }

    /** Waits until the service's window reaches {@code streamTime} for the model, then runs what is due. */
    private static List<DriftReport> runAt(ConfigurableApplicationContext service, Instant streamTime) {
        var window = service.getBean(EnrichedWindow.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> window.streamTime(SCOPE).equals(Optional.of(streamTime)));
        service.getBean(WatchedModels.class).refresh();
        return service.getBean(ScheduledRuns.class).runDue();
    }

    private static List<DriftReport> reports(ConfigurableApplicationContext service) {
        return service.getBean(ReportStore.class).page(new ReportStore.Filter(MODEL, null, null, null), 0, 100);
    }

    /** What a report found, without what differs between two services by nature: ids, creation times, durations. */
    private record Found(DriftReport.Trigger trigger, Instant windowFrom, Instant windowTo, String status,
                         long rows, List<?> features, List<?> actions, List<String> skipped) {
    }

    private static List<Found> comparable(List<DriftReport> reports) {
        return reports.stream().map(r -> new Found(r.trigger(), r.windowFrom(), r.windowTo(), r.overallStatus().name(),
                        r.currentRows(), r.features(), r.recommendedActions(), r.skipped()))
                .sorted(Comparator.comparing(Found::windowTo).thenComparing(Found::trigger)).toList();
    }

    private static EnrichedRecords.Level offset(EnrichedRecords.Level level, int hours) {
        return new EnrichedRecords.Level() {
            public double tempMeanC(int hour) {
                return level.tempMeanC(hour + hours);
            }

            public double powerMw(int hour) {
                return level.powerMw(hour + hours);
            }
        };
    }
}

package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.ScoreCombination;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.anomaly.models.ChampionModels;
import io.energywatch.anomaly.models.ForestSchedule;
import io.energywatch.anomaly.models.FrameHistory;
import io.energywatch.anomaly.models.LifecycleAnnouncer;
import io.energywatch.anomaly.models.ModelTrainer;
import io.energywatch.anomaly.models.SeriesGroup;
import io.energywatch.anomaly.models.ThresholdPolicy;
import io.energywatch.anomaly.models.TrainingFeedback;
import io.energywatch.anomaly.models.TrainingResult;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forests train themselves in stream time, and a restart that replays the stream reaches the same versions and the
 * same scores as a run that never stopped.
 */
class ForestScheduleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final int HOURS = 24 * 20;
    private static final List<ConsumptionEnriched> EVENTS = SyntheticSeries.enriched(SyntheticSeries.series("ext-sched"),
            "11", SyntheticSeries.values(HOURS, Set.of(100, 300, 420)));
    private static final String MODEL_ID = SeriesGroup.of(EVENTS.getFirst().measurement().seriesId()).modelId();

    @TempDir
    Path uninterruptedDir;

    @TempDir
    Path restartedDir;

    /** One service's detection side over a registry folder: what a process holds in memory. */
    private static final class Process {
        final ModelRegistry registry;
        final ChampionModels champions;
        final List<TrainingResult> trained = new ArrayList<>();
        final SeriesDetectors detectors;

        /** Scores as the larger of the two, so the forests' own findings are part of what must be equal. */
        Process(Path registryDir) {
            registry = new LocalModelRegistry(registryDir);
            champions = new ChampionModels(registry);
            var frames = new FrameHistory(10_000);
            var trainer = new ModelTrainer(frames, registry, champions, TrainingFeedback.NONE,
                    LifecycleAnnouncer.SILENT, new ThresholdPolicy(0.01, 0.001), 20, Period.ofDays(28), CLOCK);
            var schedule = new ForestSchedule(trainer, trained::add, Period.ofDays(3), Period.ofDays(4));
            detectors = new SeriesDetectors(DetectorConfig.consumption(), champions, frames, schedule,
                    ScoreCombination.MAX, new AnomalyFactory(100.0), 64, CLOCK);
        }

        List<AnomalyDetected> feed(List<ConsumptionEnriched> events) {
            List<AnomalyDetected> found = new ArrayList<>();
            events.forEach(e -> detectors.score(e).ifPresent(found::add));
            return found;
        }
    }

    @Test
    void eachGroupGetsAForestOnceItHasHistoryThenANewVersionEveryRetrainingPeriod() {
        var process = new Process(uninterruptedDir);
        process.feed(EVENTS);

        List<ModelVersion> versions = process.registry.versions(MODEL_ID);
        // Rows start 2024-03-04; the detector warms up 3 days, so the first point (7 March) has no frames and is
        // tried daily: 8 March has a day of frames. Then every 4 days: 12, 16, 20 March (the stream ends on the 23rd).
        assertThat(versions).extracting(v -> v.trainingWindow().to()).containsExactly(
                Instant.parse("2024-03-08T00:00:00Z"), Instant.parse("2024-03-12T00:00:00Z"),
                Instant.parse("2024-03-16T00:00:00Z"), Instant.parse("2024-03-20T00:00:00Z"));
        assertThat(versions.getFirst().trainingWindow().from()).isEqualTo(Instant.parse("2024-02-09T00:00:00Z"));
        assertThat(process.registry.byAlias(MODEL_ID, ModelRegistry.CHAMPION)).get()
                .extracting(ModelVersion::version).isEqualTo("4");
        assertThat(process.trained).extracting(TrainingResult::trigger).containsOnly("schedule");
    }

    @Test
    void aRestartThatReplaysTheStreamScoresLikeARunThatNeverStopped() {
        List<AnomalyDetected> uninterrupted = new Process(uninterruptedDir).feed(EVENTS);

        int stop = 290;
        var before = new Process(restartedDir);
        List<AnomalyDetected> restarted = new ArrayList<>(before.feed(EVENTS.subList(0, stop)));
        // A new process on the same registry: the replay of what was consumed before (DetectorRebuild), then the rest.
        var after = new Process(restartedDir);
        after.champions.replayingFromStart();
        after.feed(EVENTS.subList(0, stop));
        after.champions.replayed();
        restarted.addAll(after.feed(EVENTS.subList(stop, HOURS)));

        assertThat(uninterrupted).isNotEmpty();
        assertThat(restarted).extracting(ForestScheduleTest::verdict)
                .containsExactlyElementsOf(uninterrupted.stream().map(ForestScheduleTest::verdict).toList());
        assertThat(uninterrupted).anySatisfy(a -> assertThat(a.modelId()).isEqualTo(MODEL_ID));
        // The replay found the versions it had trained: none was trained twice.
        assertThat(new LocalModelRegistry(restartedDir).versions(MODEL_ID)).hasSize(4);
    }

    private static String verdict(AnomalyDetected a) {
        return a.anomalyId() + " " + a.type() + " " + a.severity() + " " + a.score() + " " + a.modelId() + " v"
                + a.modelVersion();
    }
}

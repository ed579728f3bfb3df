package io.energywatch.analytics.anomaly.forest;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.Feature;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.SeriesFeatures;
import io.energywatch.analytics.anomaly.StreamingDetector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ForestTrainerTest {

    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    private final DetectorConfig config = DetectorConfig.defaults().withZone(ZoneOffset.UTC);

    static double value(int i, Random random) {
        double hour = (i % 48) / 2.0;
        return 1000 + 200 * Math.sin((hour - 9) / 24 * 2 * Math.PI) + 20 * random.nextGaussian();
    }

    static List<FeatureFrame> referenceFrames(DetectorConfig config, int rows, long seed) {
        var random = new Random(seed);
        var features = new SeriesFeatures(config);
        var frames = new ArrayList<FeatureFrame>();
        for (int i = 0; i < rows; i++) {
            frames.add(features.next(Observation.of(START.plus(Duration.ofMinutes(30L * i)), value(i, random))));
        }
        return frames;
    }

    @Test
    void aForestTrainedOnAReferenceWindowFlagsAboutTheContaminationShareAndRecordsItsProfile() {
        var trained = new ForestTrainer(ForestConfig.defaults()).train(referenceFrames(config, 20 * 48, 1));
        GroupForest forest = trained.forest();
        assertThat(trained.metrics().get("flagged_share")).isCloseTo(0.01, within(0.005));
        assertThat(trained.parameters()).containsEntry("extension_level", "0");
        assertThat(trained.profiles()).hasSize(Feature.count());
        assertThat(trained.profiles().getFirst().quantileCounts()).hasSize(10);
        for (double[] row : trained.rows()) {
            assertThat(forest.forest().score(row)).isEqualTo(trained.smileModel().score(row));
        }
    }

    @Test
    void aWindowNoLargerThanTheSubsampleSizeStillTrains() {
        // 200 rows is below the 256-row subsample: Smile refuses a sampling fraction of 1.0.
        var frames = referenceFrames(config, 200, 3);
        var trained = new ForestTrainer(ForestConfig.defaults()).train(frames);
        assertThat(trained.forest().toBytes()).isNotEmpty();
        assertThat(Double.parseDouble(trained.parameters().get("subsample_fraction"))).isLessThan(1.0);
    }

    @Test
    void theGroupForestRaisesTheCombinedScoreOfAnOutlyingRow() {
        var trained = new ForestTrainer(ForestConfig.defaults()).train(referenceFrames(config, 20 * 48, 2));
        var random = new Random(3);
        var detector = new StreamingDetector(config, trained.forest());
        var last = detector.next(Observation.of(START, value(0, random)));
        for (int i = 1; i < 12 * 48; i++) {
            double v = value(i, random) + (i == 12 * 48 - 1 ? 900 : 0);
            last = detector.next(Observation.of(START.plus(Duration.ofMinutes(30L * i)), v));
        }
        assertThat(last.forestScore()).isGreaterThan(0.5);
        assertThat(last.anomaly()).isTrue();
        assertThat(last.score()).isEqualTo(Math.max(last.streamingScore(), last.forestScore()));
    }

    @Test
    void aGroupForestReadBackFromItsArtifactScoresFramesIdentically() {
        var frames = referenceFrames(config, 10 * 48, 4);
        var forest = new ForestTrainer(ForestConfig.defaults()).train(frames).forest();
        var copy = GroupForest.fromBytes(forest.toBytes());
        assertThat(copy.features()).isEqualTo(forest.features());
        for (FeatureFrame frame : frames) {
            assertThat(copy.calibratedScore(frame)).isEqualTo(forest.calibratedScore(frame));
        }
    }
}

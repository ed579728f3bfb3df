package io.energywatch.analytics.registry;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.analytics.anomaly.FeatureFrame;
import io.energywatch.analytics.anomaly.Observation;
import io.energywatch.analytics.anomaly.SeriesFeatures;
import io.energywatch.analytics.anomaly.forest.ForestConfig;
import io.energywatch.analytics.anomaly.forest.ForestTrainer;
import io.energywatch.analytics.anomaly.forest.GroupForest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalModelRegistryTest {

    private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");
    private static final String MODEL = "anomaly-forest:electricity:regions";

    @TempDir
    Path root;

    private final Clock clock = Clock.fixed(Instant.parse("2024-04-01T12:00:00Z"), ZoneOffset.UTC);

    private static List<FeatureFrame> frames(int rows, long seed) {
        var random = new Random(seed);
        var features = new SeriesFeatures(DetectorConfig.defaults().withZone(ZoneOffset.UTC));
        var frames = new ArrayList<FeatureFrame>();
        for (int i = 0; i < rows; i++) {
            double v = 500 + 100 * Math.sin(i * 2 * Math.PI / 48) + 10 * random.nextGaussian();
            frames.add(features.next(Observation.of(START.plus(Duration.ofMinutes(30L * i)), v)));
        }
        return frames;
    }

    private static ModelRegistration registration(long seed) {
        var trained = new ForestTrainer(ForestConfig.defaults()).train(frames(10 * 48, seed));
        return trained.registration(MODEL, new TrainingWindow(START, START.plus(Duration.ofDays(10)), 480));
    }

    @Test
    void anIdNamingAFolderOutsideTheRootIsNoModel(@TempDir Path elsewhere) {
        var outside = new LocalModelRegistry(elsewhere, clock);
        outside.register(registration(1));
        outside.setAlias(MODEL, ModelRegistry.CHAMPION, "1");
        var registry = new LocalModelRegistry(root, clock);
        String relative = root.relativize(elsewhere.resolve(MODEL)).toString();
        String absolute = elsewhere.resolve(MODEL).toAbsolutePath().toString();

        for (String id : List.of(relative, absolute, "..", ".", MODEL + "/../../" + root.relativize(elsewhere))) {
            assertThat(registry.get(id, "1")).as(id).isEmpty();
            assertThat(registry.versions(id)).as(id).isEmpty();
            assertThat(registry.byAlias(id, ModelRegistry.CHAMPION)).as(id).isEmpty();
            assertThatThrownBy(() -> registry.artifact(id, "1")).as(id).isInstanceOf(ModelRegistryException.class);
        }
        assertThat(outside.get(MODEL, "1")).isPresent();
        registry.register(registration(2));
        assertThat(registry.get(MODEL, "../../" + root.relativize(elsewhere) + "/" + MODEL + "/1")).isEmpty();
        var r = registration(3);
        // ".." passes ModelRegistration's character check; the registry itself must refuse it.
        assertThatThrownBy(() -> registry.register(new ModelRegistration("..", r.kind(), r.algorithm(),
                r.trainingWindow(), r.parameters(), r.threshold(), r.featureProfiles(), r.trainingMetrics(),
                r.artifact()))).isInstanceOf(ModelRegistryException.class).hasMessageContaining("directly under");
        assertThat(root.getParent().resolve("1")).doesNotExist();
    }

    @Test
    void idsAndVersionsCallersMayNameAreLettersDigitsAndDotsNotPaths() {
        assertThat(ModelIds.isId("anomaly-forest.electricity.sim.PT30M")).isTrue();
        assertThat(ModelIds.isId("forecast.electricity:FR:odre:P1D.h1")).isTrue();
        for (String bad : List.of("", "..", "../etc", "/etc/passwd", "a/b", "a\\b", ".hidden", "a\u0000b",
                "x".repeat(201))) {
            assertThat(ModelIds.isId(bad)).as(bad).isFalse();
        }
        assertThat(ModelIds.isVersion("12")).isTrue();
        assertThat(ModelIds.isVersion("../1")).isFalse();
    }

    @Test
    void versionsAreNumberedInRegistrationOrderAndKeepTheirMetadata() {
        var registry = new LocalModelRegistry(root, clock);
        var first = registry.register(registration(1));
        var second = registry.register(registration(2));
        assertThat(first.version()).isEqualTo("1");
        assertThat(second.version()).isEqualTo("2");
        assertThat(registry.versions(MODEL)).extracting(ModelVersion::version).containsExactly("1", "2");
        ModelVersion read = registry.get(MODEL, "2").orElseThrow();
        assertThat(read).isEqualTo(second);
        assertThat(read.registeredAt()).isEqualTo(clock.instant());
        assertThat(read.kind()).isEqualTo(ForestTrainer.KIND);
        assertThat(read.parameters()).containsEntry("trees", "100");
        assertThat(read.trainingMetrics()).containsKey("flagged_share");
        assertThat(read.featureProfiles()).isNotEmpty();
        assertThat(registry.versions("unknown")).isEmpty();
    }

    @Test
    void theChampionAliasPointsAtTheChosenVersionAndCanMove() {
        var registry = new LocalModelRegistry(root, clock);
        registry.register(registration(1));
        registry.register(registration(2));
        assertThat(registry.byAlias(MODEL, ModelRegistry.CHAMPION)).isEmpty();
        registry.setAlias(MODEL, ModelRegistry.CHAMPION, "1");
        assertThat(registry.byAlias(MODEL, ModelRegistry.CHAMPION)).map(ModelVersion::version).contains("1");
        registry.setAlias(MODEL, ModelRegistry.CHAMPION, "2");
        assertThat(new LocalModelRegistry(root, clock).byAlias(MODEL, ModelRegistry.CHAMPION))
                .map(ModelVersion::version).contains("2");
        assertThatThrownBy(() -> registry.setAlias(MODEL, "challenger", "9"))
                .isInstanceOf(ModelRegistryException.class);
    }

    @Test
    void modelIdsListEveryRegisteredModelAndNothingForAnEmptyRoot() {
        var registry = new LocalModelRegistry(root, clock);
        assertThat(new LocalModelRegistry(root.resolve("absent"), clock).modelIds()).isEmpty();

        registry.register(registration(1));

        assertThat(registry.modelIds()).containsExactly(MODEL);
    }

    @Test
    void aModelReloadedFromAnotherRegistryInstanceGivesIdenticalScores() {
        var trained = new ForestTrainer(ForestConfig.defaults()).train(frames(10 * 48, 3));
        new LocalModelRegistry(root, clock).register(
                trained.registration(MODEL, new TrainingWindow(START, START.plus(Duration.ofDays(10)), 480)));
        var reopened = new LocalModelRegistry(root, clock);
        GroupForest reloaded = GroupForest.fromBytes(reopened.artifact(MODEL, "1"));
        assertThat(reopened.get(MODEL, "1").orElseThrow().threshold())
                .isEqualTo(trained.forest().calibration().threshold());
        for (FeatureFrame frame : frames(4 * 48, 4)) {
            assertThat(reloaded.calibratedScore(frame)).isEqualTo(trained.forest().calibratedScore(frame));
        }
    }

    @Test
    void aTamperedArtifactIsRefused() throws Exception {
        var registry = new LocalModelRegistry(root, clock);
        registry.register(registration(5));
        Path artifact = root.resolve(MODEL).resolve("1").resolve("artifact.bin");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length - 1] ^= 1;
        Files.write(artifact, bytes);
        assertThatThrownBy(() -> registry.artifact(MODEL, "1")).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aCategoricalProfileKeepsFrequenciesAndSurvivesTheRoundTrip() {
        var registry = new LocalModelRegistry(root, clock);
        var profile = FeatureProfile.categorical("day_type", java.util.Arrays.asList("weekday", "weekday", "weekend",
                null));
        var r = new ModelRegistration("categorical-model", "anomaly", "test", new TrainingWindow(START, START, 4),
                Map.of(), 0.5, List.of(profile), Map.of(), new byte[] {1, 2, 3});
        registry.register(r);
        FeatureProfile read = registry.get("categorical-model", "1").orElseThrow().featureProfiles().getFirst();
        assertThat(read.categoryFrequencies()).containsExactlyInAnyOrderEntriesOf(Map.of("weekday", 2L, "weekend", 1L));
        assertThat(read.missing()).isEqualTo(1);
        assertThat(registry.artifact("categorical-model", "1")).containsExactly(1, 2, 3);
    }
}

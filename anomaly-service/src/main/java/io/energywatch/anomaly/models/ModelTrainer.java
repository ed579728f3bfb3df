package io.energywatch.anomaly.models;

import io.energywatch.analytics.anomaly.forest.ForestConfig;
import io.energywatch.analytics.anomaly.forest.ForestTrainer;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.anomaly.alerts.AnomalyStatus;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelLifecycleChanged.ModelKind;
import io.energywatch.contracts.ModelLifecycleChanged.Stage;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Trains a group's Isolation Forest on the feature frames seen for the group over a window, registers it, and
 * announces its lifecycle. Confirmed anomalies are left out of the window (a real incident must not become "normal");
 * false-positive feedback on the champion lowers the new version's contamination ({@link ThresholdPolicy}). A champion
 * version replaces the old one at once; a challenger (a drift-triggered retraining) is registered under the
 * {@code challenger} alias and left for an operator or the next scheduled training to promote. Every training is a
 * measured model run (energy, CO2) published by {@link ModelRuns}.
 */
public final class ModelTrainer {

    static final String CHALLENGER = "challenger";
    /** The trigger of the stream-time schedule's trainings. */
    static final String SCHEDULE = "schedule";
    private static final ForestConfig DEFAULTS = ForestConfig.defaults();

    private final FrameHistory frames;
    private final ModelRegistry registry;
    private final ChampionModels champions;
    private final TrainingFeedback feedback;
    private final LifecycleAnnouncer announcer;
    private final ThresholdPolicy policy;
    private final int minFrames;
    private final Period defaultWindow;
    private final Clock clock;
    private final ModelRuns modelRuns;

    /** A trainer whose trainings are not measured (tests and evaluations without Kafka). */
    public ModelTrainer(FrameHistory frames, ModelRegistry registry, ChampionModels champions,
                        TrainingFeedback feedback, LifecycleAnnouncer announcer, ThresholdPolicy policy, int minFrames,
                        Period defaultWindow, Clock clock) {
        this(frames, registry, champions, feedback, announcer, policy, minFrames, defaultWindow, clock,
                ModelRuns.unmeasured());
    }

    public ModelTrainer(FrameHistory frames, ModelRegistry registry, ChampionModels champions,
                        TrainingFeedback feedback, LifecycleAnnouncer announcer, ThresholdPolicy policy, int minFrames,
                        Period defaultWindow, Clock clock, ModelRuns modelRuns) {
        this.frames = frames;
        this.registry = registry;
        this.champions = champions;
        this.feedback = feedback;
        this.announcer = announcer;
        this.policy = policy;
        this.minFrames = minFrames;
        this.defaultWindow = defaultWindow;
        this.clock = clock;
        this.modelRuns = modelRuns;
    }

    /** The window a training ending at {@code to} covers. */
    public Instant windowStart(Instant to) {
        return to.atZone(ZoneOffset.UTC).minus(defaultWindow).toInstant();
    }

    /**
     * A scheduled training of [from, to), made champion. When a version of exactly that window is registered already
     * (the same stream replayed after a restart, or a batch redelivered after the training), it is promoted again
     * instead of trained twice: forests are seeded, so it is the version this window would give. Empty when the
     * window holds too few usable frames.
     */
    public synchronized Optional<TrainingResult> scheduled(SeriesGroup group, Instant from, Instant to) {
        String modelId = group.modelId();
        Optional<ModelVersion> existing = registry.versions(modelId).stream()
                .filter(v -> v.trainingWindow().from().equals(from) && v.trainingWindow().to().equals(to))
                .reduce((first, second) -> second);
        if (existing.isPresent()) {
            var v = existing.get();
            registry.setAlias(modelId, ModelRegistry.CHAMPION, v.version());
            champions.refresh(modelId);
            return Optional.of(new TrainingResult(modelId, v.version(), group.toString(), Stage.PROMOTED, SCHEDULE,
                    from, to, v.trainingWindow().rows(), 0,
                    Double.parseDouble(v.parameters().getOrDefault("contamination", "NaN")), v.threshold(),
                    v.trainingMetrics()));
        }
        long usable = frames.window(group, from, to, f -> true).size();
        if (usable < minFrames) {
            return Optional.empty();
        }
        return Optional.of(train(group, from, to, SCHEDULE, true));
    }

    /**
     * Makes a registered version its group's champion, by an admin's decision; detectors use it from their next row.
     * The next scheduled training promotes its own version again. Empty when no such version is registered.
     */
    public synchronized Optional<ModelVersion> promote(String modelId, String version) {
        Optional<ModelVersion> registered = registry.get(modelId, version);
        registered.ifPresent(v -> {
            registry.setAlias(modelId, ModelRegistry.CHAMPION, v.version());
            champions.refresh(modelId);
        });
        return registered;
    }

    /** Trains over the configured window ending at the newest row seen in the group. */
    public TrainingResult trainRecent(SeriesGroup group, String trigger, boolean promote) {
        Instant to = frames.latest(group).plusNanos(1);
        return train(group, windowStart(to), to, trigger, promote);
    }

    public synchronized TrainingResult train(SeriesGroup group, Instant from, Instant to, String trigger,
                                             boolean promote) {
        return modelRuns.measure(RunKind.TRAINING, group.modelId(), run -> {
            TrainingResult result = trainMeasured(group, from, to, trigger, promote);
            run.version(result.version()).rows(result.trainingRows());
            return result;
        });
    }

    private TrainingResult trainMeasured(SeriesGroup group, Instant from, Instant to, String trigger,
                                         boolean promote) {
        String modelId = group.modelId();
        announcer.ensureReachable();
        var confirmed = feedback.confirmedAnomalyIds(frames.series(group), from, to);
        var all = frames.window(group, from, to, f -> true);
        var window = all.stream()
                .filter(f -> !confirmed.contains(AnomalyDocument.idOf(f.seriesId(), f.timestamp()))).toList();
        if (window.size() < minFrames) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-enough-data", "Not enough data",
                    "group " + group + " has " + window.size() + " scored rows in " + from + ".." + to + ", "
                            + minFrames + " needed", List.of());
        }
        var champion = champions.champion(group);
        double championContamination = champion.flatMap(c -> registry.get(modelId, c.version()))
                .map(v -> Double.parseDouble(v.parameters().getOrDefault("contamination", "NaN")))
                .orElse(Double.NaN);
        Map<AnomalyStatus, Long> verdicts = champion
                .map(c -> feedback.verdicts(modelId, c.version())).orElse(Map.of());
        double contamination = policy.nextContamination(championContamination,
                verdicts.getOrDefault(AnomalyStatus.CONFIRMED, 0L),
                verdicts.getOrDefault(AnomalyStatus.FALSE_POSITIVE, 0L));

        var config = new ForestConfig(DEFAULTS.trees(), DEFAULTS.subsampleSize(), DEFAULTS.maxDepth(), contamination,
                DEFAULTS.features(), DEFAULTS.profileBins(), DEFAULTS.reservoirSize(), DEFAULTS.seed());
        ForestTrainer.TrainedForest trained;
        try {
            trained = new ForestTrainer(config).train(window.stream().map(FrameHistory.SeenFrame::frame).toList());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "not-trainable", "Cannot train",
                    "group " + group + ": " + e.getMessage(), List.of());
        }
        var version = registry.register(trained.registration(modelId, new TrainingWindow(from, to, window.size())));
        announcer.announce(lifecycle(modelId, version.version(), group, Stage.TRAINED, from, to, trained.metrics(), trigger));
        Stage stage;
        if (promote) {
            registry.setAlias(modelId, ModelRegistry.CHAMPION, version.version());
            champions.refresh(modelId);
            announcer.announce(lifecycle(modelId, version.version(), group, Stage.PROMOTED, from, to, trained.metrics(), trigger));
            stage = Stage.PROMOTED;
        } else {
            registry.setAlias(modelId, CHALLENGER, version.version());
            stage = Stage.TRAINED;
        }
        return new TrainingResult(modelId, version.version(), group.toString(), stage, trigger, from, to,
                window.size(), all.size() - window.size(), contamination, version.threshold(), trained.metrics());
    }

    private ModelLifecycleChanged lifecycle(String modelId, String version, SeriesGroup group, Stage stage,
                                            Instant from, Instant to, Map<String, Double> metrics, String trigger) {
        return new ModelLifecycleChanged(null, modelId, version, ModelKind.ANOMALY_DETECTOR, ForestTrainer.ALGORITHM,
                stage, group.toString(), from, to, metrics, trigger, clock.instant());
    }
}

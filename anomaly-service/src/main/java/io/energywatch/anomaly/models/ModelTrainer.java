package io.energywatch.anomaly.models;

import io.energywatch.analytics.anomaly.forest.ForestConfig;
import io.energywatch.analytics.anomaly.forest.ForestTrainer;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.anomaly.alerts.AnomalyStatus;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelLifecycleChanged.ModelKind;
import io.energywatch.contracts.ModelLifecycleChanged.Stage;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreCheck;
import io.energywatch.service.stores.StoreUnavailableException;
import io.energywatch.service.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Trains a group's Isolation Forest on the feature frames seen for the group over a window, registers it, and
 * publishes its lifecycle. Confirmed anomalies are left out of the window (a real incident must not become "normal");
 * false-positive feedback on the champion raises the new version's threshold ({@link ThresholdPolicy}). A champion
 * version replaces the old one at once; a challenger (a drift-triggered retraining) is registered under the
 * {@code challenger} alias and left for an operator or the next scheduled training to promote.
 */
public final class ModelTrainer {

    static final String CHALLENGER = "challenger";
    private static final ForestConfig DEFAULTS = ForestConfig.defaults();

    private final FrameHistory frames;
    private final ModelRegistry registry;
    private final ChampionModels champions;
    private final AnomalyStore anomalies;
    private final EventPublisher publisher;
    private final StoreCheck kafka;
    private final ThresholdPolicy policy;
    private final int minFrames;
    private final Period defaultWindow;
    private final Duration publishTimeout;
    private final Clock clock;

    public ModelTrainer(FrameHistory frames, ModelRegistry registry, ChampionModels champions, AnomalyStore anomalies,
                        EventPublisher publisher, StoreCheck kafka, ThresholdPolicy policy, int minFrames,
                        Period defaultWindow, Duration publishTimeout, Clock clock) {
        this.frames = frames;
        this.registry = registry;
        this.champions = champions;
        this.anomalies = anomalies;
        this.publisher = publisher;
        this.kafka = kafka;
        this.policy = policy;
        this.minFrames = minFrames;
        this.defaultWindow = defaultWindow;
        this.publishTimeout = publishTimeout;
        this.clock = clock;
    }

    /** Trains over the configured window ending at the newest row seen in the group. */
    public TrainingResult trainRecent(SeriesGroup group, String trigger, boolean promote) {
        Instant to = frames.latest(group).plusNanos(1);
        Instant from = to.atZone(ZoneOffset.UTC).minus(defaultWindow).toInstant();
        return train(group, from, to, trigger, promote);
    }

    public synchronized TrainingResult train(SeriesGroup group, Instant from, Instant to, String trigger,
                                             boolean promote) {
        String modelId = group.modelId();
        // Every version is announced on the models topic: with Kafka unreachable, train nothing rather than register a
        // version nobody hears of. The answer is a 503 naming Kafka, within the check's timeout.
        kafka.probe().ifPresent(failure -> {
            throw new StoreUnavailableException(failure, null);
        });
        var confirmed = anomalies.confirmedAnomalyIds(frames.series(group), from, to);
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
                .map(c -> anomalies.verdicts(modelId, c.version())).orElse(Map.of());
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
        publish(lifecycle(modelId, version.version(), group, Stage.TRAINED, from, to, trained.metrics(), trigger));
        Stage stage;
        if (promote) {
            registry.setAlias(modelId, ModelRegistry.CHAMPION, version.version());
            champions.refresh(modelId);
            publish(lifecycle(modelId, version.version(), group, Stage.PROMOTED, from, to, trained.metrics(), trigger));
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

    private void publish(ModelLifecycleChanged event) {
        try {
            publisher.publish(Topics.MODELS, event.modelId(), event).get(publishTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Kafka went away between the check and the send: the version is registered, its event is not published.
            throw StoreUnavailableException.of(Store.KAFKA, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

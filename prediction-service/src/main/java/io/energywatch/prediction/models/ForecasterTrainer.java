package io.energywatch.prediction.models;

import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.FeatureBuilder;
import io.energywatch.analytics.forecast.FeatureMatrix;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.TrainedForecaster;
import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelLifecycleChanged.ModelKind;
import io.energywatch.contracts.ModelLifecycleChanged.Stage;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Trains a series' forecaster for a horizon on its whole daily history, registers the version with its feature profiles
 * (drift is measured against them), promotes it to champion only when it beats the current one on the same backtest
 * window, and announces each step on {@code energywatch.models.v1}.
 */
public final class ForecasterTrainer {

    private static final int PROFILE_BINS = 10;
    private static final int PROFILE_RESERVOIR = 500;
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;
    /** Metric of a PROMOTED or REJECTED event: the new version's MAPE on the promotion window, percent. */
    public static final String PROMOTION_CHALLENGER_MAPE = "promotion_challenger_mape_percent";
    /** Metric of a PROMOTED or REJECTED event: the champion's MAPE on the same window, percent. */
    public static final String PROMOTION_CHAMPION_MAPE = "promotion_champion_mape_percent";

    private final DailyHistory history;
    private final ForecastEngine engine;
    private final ModelRegistry registry;
    private final EventPublisher publisher;
    private final List<Algorithm> candidates;
    private final int minTrainingDays;
    private final int promotionWindowDays;
    private final ZoneId zone;
    private final Clock clock;
    private final ModelRuns modelRuns;

    /** A trainer whose trainings are not measured (tests without the model-run log). */
    public ForecasterTrainer(DailyHistory history, ForecastEngine engine, ModelRegistry registry,
                             EventPublisher publisher, List<Algorithm> candidates, int minTrainingDays,
                             int promotionWindowDays, ZoneId zone, Clock clock) {
        this(history, engine, registry, publisher, candidates, minTrainingDays, promotionWindowDays, zone, clock,
                ModelRuns.unmeasured());
    }

    public ForecasterTrainer(DailyHistory history, ForecastEngine engine, ModelRegistry registry,
                             EventPublisher publisher, List<Algorithm> candidates, int minTrainingDays,
                             int promotionWindowDays, ZoneId zone, Clock clock, ModelRuns modelRuns) {
        this.history = history;
        this.engine = engine;
        this.registry = registry;
        this.publisher = publisher;
        this.candidates = List.copyOf(candidates);
        this.minTrainingDays = minTrainingDays;
        this.promotionWindowDays = promotionWindowDays;
        this.zone = zone;
        this.clock = clock;
        this.modelRuns = modelRuns;
    }

    /** A registered forecaster version and whether it is the champion. */
    public record Trained(ModelVersion version, TrainedForecaster forecaster, boolean champion) {
    }

    /** The champion for the series and horizon if it was trained up to the history's last day; else a new version. */
    public Trained upToDateChampion(String dailySeriesId, int horizonDays) {
        DailySeries series = history.load(dailySeriesId);
        LocalDate last = lastDay(dailySeriesId, series);
        String modelId = ForecastModelIds.of(dailySeriesId, horizonDays);
        var champion = registry.byAlias(modelId, ModelRegistry.CHAMPION);
        if (champion.isPresent()) {
            TrainedForecaster f = load(champion.get());
            if (f.trainTo().equals(last)) {
                return new Trained(champion.get(), f, true);
            }
        }
        return train(dailySeriesId, horizonDays, TrainingTrigger.ON_DEMAND, "history extended to " + last);
    }

    /** Trains, registers and (when good enough) promotes a new version: one measured model run. */
    public synchronized Trained train(String dailySeriesId, int horizonDays, TrainingTrigger trigger, String reason) {
        return modelRuns.measure(RunKind.TRAINING, ForecastModelIds.of(dailySeriesId, horizonDays), run -> {
            Trained trained = trainMeasured(dailySeriesId, horizonDays, trigger, reason);
            run.version(trained.version().version()).rows(trained.version().trainingWindow().rows());
            return trained;
        });
    }

    private Trained trainMeasured(String dailySeriesId, int horizonDays, TrainingTrigger trigger, String reason) {
        DailySeries series = history.load(dailySeriesId);
        LocalDate last = lastDay(dailySeriesId, series);
        LocalDate first = series.records().getFirst().date();
        // The builder the engine fits on the same window: the same optional weather features and imputations.
        var features = new FeatureBuilder(engine.settings().features().withHorizon(horizonDays))
                .fittedTo(series, first, last);
        FeatureMatrix rows = features.matrix(series, first, last);
        if (rows.rows() < minTrainingDays) {
            throw new ProblemException(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                    "not-enough-history", "Not enough history",
                    dailySeriesId + " has " + rows.rows() + " usable days (energy, weather and lags known); at least "
                            + minTrainingDays + " are needed",
                    List.of(ProblemError.field("series", dailySeriesId, "too little history")));
        }
        TrainedForecaster forecaster = engine.train(series, first, last, candidates, horizonDays);
        String modelId = ForecastModelIds.of(dailySeriesId, horizonDays);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("validation_mape_percent", forecaster.validation().mapePercent());
        metrics.put("validation_smape_percent", forecaster.validation().smapePercent());
        metrics.put("validation_mae_mwh", forecaster.validation().mae());
        metrics.put("validation_rmse_mwh", forecaster.validation().rmse());
        metrics.put("validation_r2", forecaster.validation().r2());
        metrics.put("interval80_half_width_mwh", forecaster.intervals().halfWidth80());
        metrics.put("interval95_half_width_mwh", forecaster.intervals().halfWidth95());
        forecaster.validationMapeByAlgorithm().forEach((a, m) -> metrics.put("validation_mape_percent." + a, m));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("series", dailySeriesId);
        parameters.put("horizon_days", Integer.toString(horizonDays));
        parameters.put("features", String.join(",", features.names()));
        parameters.put("candidates", String.join(",", candidates.stream().map(Algorithm::id).toList()));
        parameters.put("seed", Long.toString(engine.settings().seed()));
        parameters.put("threshold", "95% conformal interval half-width, MWh");
        parameters.put(TrainingTrigger.PARAMETER, trigger.id());
        var window = new TrainingWindow(first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), rows.rows());
        ModelVersion version = registry.register(new ModelRegistration(modelId, "forecast",
                forecaster.algorithm().id(), window, parameters, forecaster.intervals().halfWidth95(),
                profiles(rows), metrics, serialise(forecaster)));
        publish(version, Stage.TRAINED, dailySeriesId, reason, Map.of());

        var current = champion(dailySeriesId, horizonDays);
        boolean promote;
        String verdict;
        // The promotion backtest's scores travel with the verdict, for the training run's record.
        Map<String, Double> comparison = new LinkedHashMap<>();
        if (current.isEmpty()) {
            promote = true;
            verdict = "first champion";
        } else {
            // Both on the same backtest window: the last days, which the new version's algorithm is trained without.
            LocalDate testFrom = last.minusDays(promotionWindowDays - 1L);
            try {
                double challenger = engine.backtest(series, first, testFrom.minusDays(1), testFrom, last,
                        List.of(forecaster.algorithm()), horizonDays).of(forecaster.algorithm()).test().mapePercent();
                double champion = engine.evaluate(current.get().forecaster(), series, testFrom, last).mapePercent();
                promote = challenger < champion;
                comparison.put(PROMOTION_CHALLENGER_MAPE, challenger);
                comparison.put(PROMOTION_CHAMPION_MAPE, champion);
                verdict = String.format("MAPE %.2f%% against the champion's %.2f%% on %s..%s", challenger, champion,
                        testFrom, last);
            } catch (IllegalArgumentException e) {
                promote = false;
                verdict = "cannot be compared with the champion on " + testFrom + ".." + last + ": " + e.getMessage();
            }
        }
        if (promote) {
            registry.setAlias(modelId, ModelRegistry.CHAMPION, version.version());
            // The models topic is compacted by model id: the retirement goes first, so the last record of the model
            // is its new champion.
            current.map(Trained::version).filter(previous -> !previous.version().equals(version.version()))
                    .ifPresent(previous -> publish(previous, Stage.RETIRED, dailySeriesId,
                            "replaced by version " + version.version(), Map.of()));
            publish(version, Stage.PROMOTED, dailySeriesId, verdict, comparison);
        } else {
            publish(version, Stage.REJECTED, dailySeriesId, verdict, comparison);
        }
        return new Trained(version, forecaster, promote);
    }

    /** The champion of a series and horizon, as registered. */
    public java.util.Optional<Trained> champion(String dailySeriesId, int horizonDays) {
        return registry.byAlias(ForecastModelIds.of(dailySeriesId, horizonDays), ModelRegistry.CHAMPION)
                .map(v -> new Trained(v, load(v), true));
    }

    public boolean hasVersions(String modelId) {
        return !registry.versions(modelId).isEmpty();
    }

    private LocalDate lastDay(String dailySeriesId, DailySeries series) {
        return series.lastDayWithEnergy().orElseThrow(() -> ProblemException.notFound("daily history of series",
                dailySeriesId));
    }

    private void publish(ModelVersion v, Stage stage, String scope, String reason, Map<String, Double> extra) {
        var metrics = new LinkedHashMap<>(v.trainingMetrics());
        metrics.putAll(extra);
        var event = new ModelLifecycleChanged(null, v.modelId(), v.version(), ModelKind.FORECASTER, v.algorithm(),
                stage, scope, v.trainingWindow().from(), v.trainingWindow().to(), finite(metrics), reason,
                clock.instant());
        try {
            publisher.publish(Topics.MODELS, v.modelId(), event).get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing " + stage + " of " + v.modelId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish " + stage + " of " + v.modelId(), e);
        }
    }

    private static Map<String, Double> finite(Map<String, Double> metrics) {
        var out = new LinkedHashMap<String, Double>();
        metrics.forEach((k, v) -> {
            if (Double.isFinite(v)) {
                out.put(k, v);
            }
        });
        return out;
    }

    private List<FeatureProfile> profiles(FeatureMatrix rows) {
        var profiles = new ArrayList<FeatureProfile>();
        for (int j = 0; j < rows.names().size(); j++) {
            double[] column = new double[rows.rows()];
            for (int i = 0; i < column.length; i++) {
                column[i] = rows.x()[i][j];
            }
            profiles.add(FeatureProfile.numeric(rows.names().get(j), column, PROFILE_BINS, PROFILE_RESERVOIR,
                    engine.settings().seed()));
        }
        profiles.add(FeatureProfile.numeric("energyMwh", rows.y(), PROFILE_BINS, PROFILE_RESERVOIR,
                engine.settings().seed()));
        return profiles;
    }

    static byte[] serialise(TrainedForecaster forecaster) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(forecaster);
        } catch (IOException e) {
            throw new IllegalStateException("a trained forecaster must serialise", e);
        }
        return bytes.toByteArray();
    }

    /** Artifacts come only from the registry, which checks their SHA-256 before handing them over. */
    TrainedForecaster load(ModelVersion version) {
        byte[] bytes = registry.artifact(version.modelId(), version.version());
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (TrainedForecaster) in.readObject();
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw new ModelRegistryException("cannot read the forecaster " + version.modelId() + " version "
                    + version.version(), e);
        }
    }
}

package io.energywatch.prediction.issuance;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastStep;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.energywatch.contracts.EventIds;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.HistoryActivity;
import io.energywatch.prediction.models.ForecastModelIds;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.models.TrainingTrigger;
import io.energywatch.prediction.weather.FutureWeather;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.web.ProblemException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues forecasts without a request and scores them once their actuals are in. "Today" for a series is its stream
 * time, the last complete local day of its daily history (the data may be years old): a run trains the champion of
 * each issuance horizon a series lacks once it has enough complete days, issues from the last complete day with each
 * champion unless that (series, base day, horizon, model version) was issued already, then scores every issued step
 * whose target day has become complete. One run at a time: training takes both cores. Each run is a measured model
 * run under {@link #ISSUANCE_RUN} (its rows the forecasts issued); the first champions it trains are its child runs.
 */
public final class ForecastIssuer {

    private static final Logger log = LoggerFactory.getLogger(ForecastIssuer.class);
    private static final long PUBLISH_TIMEOUT_SECONDS = 30;
    private static final int INDEX_BATCH = 500;
    /** The model id of issuance runs, which span every series' champions. */
    public static final String ISSUANCE_RUN = "forecast-issuance";

    /** Publishes one step on the forecasts topic. */
    @FunctionalInterface
    public interface ForecastPublisher {
        CompletableFuture<?> publish(ConsumptionForecast step);
    }

    /** Indexes accuracy records for dashboards; throws when the index refused them. */
    @FunctionalInterface
    public interface AccuracyIndexer {
        void index(List<AccuracyRecord> records) throws IOException;
    }

    /** What a run did. */
    public record Outcome(Instant startedAt, Instant finishedAt, int series, int trained, int issued, int scored,
                          int indexed) {
    }

    /**
     * The issuance's state: whether the history is quiet and the last run started after its last write (everything
     * consumed is issued and scored), the last run and the last failure.
     */
    public record Status(boolean caughtUp, boolean historyQuiet, @Nullable Instant historyLastWrite,
                         @Nullable Outcome lastRun, @Nullable String lastFailure) {
    }

    private final DailyHistory history;
    private final ForecastEngine engine;
    private final ForecasterTrainer trainer;
    private final ModelRegistry registry;
    private final ForecastPublisher publisher;
    private final FutureWeather futureWeather;
    private final IssuedForecastStore issues;
    private final AccuracyStore accuracy;
    private final AccuracyIndexer indexer;
    private final HistoryActivity activity;
    private final List<Integer> horizons;
    private final int minTrainingDays;
    private final Duration quietPeriod;
    private final ZoneId zone;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicReference<Outcome> lastRun = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private final ModelRuns modelRuns;

    /** An issuer whose runs are not measured (tests without the model-run log). */
    public ForecastIssuer(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer,
                          ModelRegistry registry, ForecastPublisher publisher, FutureWeather futureWeather,
                          IssuedForecastStore issues, AccuracyStore accuracy, AccuracyIndexer indexer,
                          HistoryActivity activity, List<Integer> horizons, int minTrainingDays, Duration quietPeriod,
                          ZoneId zone, Clock clock) {
        this(history, engine, trainer, registry, publisher, futureWeather, issues, accuracy, indexer, activity,
                horizons, minTrainingDays, quietPeriod, zone, clock, ModelRuns.unmeasured());
    }

    public ForecastIssuer(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer,
                          ModelRegistry registry, ForecastPublisher publisher, FutureWeather futureWeather,
                          IssuedForecastStore issues, AccuracyStore accuracy, AccuracyIndexer indexer,
                          HistoryActivity activity, List<Integer> horizons, int minTrainingDays, Duration quietPeriod,
                          ZoneId zone, Clock clock, ModelRuns modelRuns) {
        this.history = history;
        this.engine = engine;
        this.trainer = trainer;
        this.registry = registry;
        this.publisher = publisher;
        this.futureWeather = futureWeather;
        this.issues = issues;
        this.accuracy = accuracy;
        this.indexer = indexer;
        this.activity = activity;
        this.horizons = List.copyOf(new TreeSet<>(horizons));
        this.minTrainingDays = minTrainingDays;
        this.quietPeriod = quietPeriod;
        this.zone = zone;
        this.clock = clock;
        this.modelRuns = modelRuns;
    }

    /**
     * The periodic catch-up: runs when the history has been quiet for the quiet period, was written since the last run
     * started (or nothing ran yet: a start catches up with what the stores hold) and no run is in progress; empty when
     * it did not run. A champion retrained meanwhile issues at the next history write or the daily cron.
     */
    public Optional<Outcome> catchUp() {
        Outcome last = lastRun.get();
        boolean written = last == null || activity.lastWrite().map(w -> !w.isBefore(last.startedAt())).orElse(false);
        if (!written || !activity.quietFor(quietPeriod) || !running.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(run());
        } finally {
            running.unlock();
        }
    }

    /** The wall-clock issuance: waits for a run in progress, then issues from whatever the history holds. */
    public Outcome issueNow() {
        running.lock();
        try {
            return run();
        } finally {
            running.unlock();
        }
    }

    public Status status() {
        Outcome last = lastRun.get();
        Optional<Instant> lastWrite = activity.lastWrite();
        boolean quiet = activity.quietFor(quietPeriod);
        boolean caughtUp = quiet && last != null && lastWrite.map(w -> last.startedAt().isAfter(w)).orElse(true);
        return new Status(caughtUp, quiet, lastWrite.orElse(null), last, lastFailure.get());
    }

    private Outcome run() {
        return modelRuns.measure(RunKind.FORECAST_ISSUANCE, ISSUANCE_RUN, run -> {
            Outcome outcome = runMeasured();
            run.rows(outcome.issued());
            return outcome;
        });
    }

    private Outcome runMeasured() {
        Instant started = clock.instant();
        int trained = 0;
        int issued = 0;
        int scored = 0;
        List<String> seriesIds = history.seriesIds().stream().sorted().toList();
        try {
            for (String series : seriesIds) {
                DailySeries daily = history.load(series);
                Optional<LocalDate> last = daily.lastDayWithEnergy();
                if (last.isEmpty()) {
                    continue;
                }
                scored += score(series, daily, last.get());
                long completeDays = daily.records().stream().filter(DailyRecord::hasEnergy).count();
                for (int horizon : horizons) {
                    String modelId = ForecastModelIds.of(series, horizon);
                    Optional<ModelVersion> champion = registry.byAlias(modelId, ModelRegistry.CHAMPION);
                    if (champion.isEmpty() && completeDays >= minTrainingDays) {
                        champion = train(series, horizon, last.get());
                        trained += champion.isPresent() ? 1 : 0;
                    }
                    if (champion.isPresent() && issue(series, daily, last.get(), horizon, champion.get())) {
                        issued++;
                    }
                }
                // A forecast issued just now from a day already complete is scored at once (a replayed history).
                scored += score(series, daily, last.get());
            }
            int indexed = indexPending();
            var outcome = new Outcome(started, clock.instant(), seriesIds.size(), trained, issued, scored, indexed);
            lastRun.set(outcome);
            lastFailure.set(null);
            if (trained + issued + scored > 0) {
                log.info("issuance: {} series, {} champions trained, {} forecasts issued, {} steps scored, {} indexed",
                        seriesIds.size(), trained, issued, scored, indexed);
            }
            return outcome;
        } catch (RuntimeException e) {
            // A store that is down fails the run; the next one starts over, and everything done is idempotent.
            lastFailure.set(clock.instant() + ": " + e.getMessage());
            throw e;
        }
    }

    /** Trains the first champion; empty when the history has too few usable days at this horizon. */
    private Optional<ModelVersion> train(String series, int horizon, LocalDate last) {
        long start = System.nanoTime();
        try {
            var trained = trainer.train(series, horizon, TrainingTrigger.ISSUANCE,
                    "scheduled forecasts: no champion at h" + horizon + ", history to " + last);
            log.info("issuance: trained {} v{} ({}) in {} ms; champion: {}", trained.version().modelId(),
                    trained.version().version(), trained.forecaster().algorithm().id(),
                    (System.nanoTime() - start) / 1_000_000, trained.champion());
            return registry.byAlias(ForecastModelIds.of(series, horizon), ModelRegistry.CHAMPION);
        } catch (ProblemException e) {
            // Too few usable days (energy, weather and the horizon's lags known): the series waits for more history.
            log.debug("issuance: no champion for {} h{} yet: {}", series, horizon, e.getMessage());
            return Optional.empty();
        }
    }

    /** Issues from {@code base} with the champion unless that forecast exists; true when it issued. */
    private boolean issue(String series, DailySeries daily, LocalDate base, int horizon, ModelVersion champion) {
        String id = IssuedForecast.idOf(series, base, horizon, champion.version());
        if (issues.exists(id)) {
            return false;
        }
        var model = trainer.champion(series, horizon).filter(t -> t.version().version().equals(champion.version()));
        if (model.isEmpty()) {
            // Retrained between the look-up and the load: the next run issues with the new champion.
            return false;
        }
        // A day partly measured keeps its measured weather; the others get the weather forecast known by the end of
        // the base day, else climatology (the same look-up as on-demand forecasts).
        FutureWeather.Plan plan = futureWeather.plan(series, daily, base, horizon);
        List<ForecastStep> forecast;
        try {
            forecast = engine.forecast(model.get().forecaster(), daily, plan.days());
        } catch (IllegalArgumentException e) {
            log.warn("issuance: cannot forecast {} h{} from {}: {}", series, horizon, base, e.getMessage());
            return false;
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String algorithm = model.get().forecaster().algorithm().id();
        var steps = new ArrayList<IssuedForecast.Step>();
        var sends = new ArrayList<CompletableFuture<?>>();
        for (int i = 0; i < forecast.size(); i++) {
            ForecastStep s = forecast.get(i);
            WeatherBasis basis = plan.bases().get(i);
            var step = new IssuedForecast.Step(s.date(), (int) ChronoUnit.DAYS.between(base, s.date()),
                    Math.max(0, s.energyMwh()), Math.max(0, s.lower80Mwh()), Math.max(0, s.upper80Mwh()),
                    Math.max(0, s.lower95Mwh()), Math.max(0, s.upper95Mwh()),
                    Double.isFinite(s.tempMeanC()) ? s.tempMeanC() : null, basis,
                    EventIds.of("issued-forecast", id, s.date()));
            steps.add(step);
            sends.add(publisher.publish(new ConsumptionForecast(step.eventId(), series, champion.modelId(),
                    champion.version(), algorithm, issuedAt, s.date().atStartOfDay(zone).toInstant(),
                    s.date().plusDays(1).atStartOfDay(zone).toInstant(), s.date(), step.energyMwh(),
                    step.lower80Mwh(), step.upper80Mwh(), step.lower95Mwh(), step.upper95Mwh(), basis)));
        }
        // Published before it is stored: a crash in between issues it again under the same event ids, which the
        // forecast index overwrites, instead of a stored forecast that was never published.
        await(sends, id);
        issues.save(new IssuedForecast(id, series, base, horizon, champion.modelId(), champion.version(), algorithm,
                issuedAt, steps));
        return true;
    }

    /** Scores the open forecasts' steps whose target day is complete; returns how many steps it scored. */
    private int score(String series, DailySeries daily, LocalDate last) {
        int count = 0;
        for (IssuedForecastStore.Open open : issues.open(series, last)) {
            var scored = new TreeSet<>(open.scored());
            var records = new ArrayList<AccuracyRecord>();
            for (IssuedForecast.Step step : open.forecast().steps()) {
                double actual = daily.energy(step.date());
                if (!step.date().isAfter(last) && !scored.contains(step.date()) && Double.isFinite(actual)) {
                    records.add(AccuracyRecord.score(open.forecast(), step, actual));
                    scored.add(step.date());
                }
            }
            // Open until stream time has passed its last target; a target day that never became complete by then
            // stays unscored.
            boolean stillOpen = open.forecast().steps().getLast().date().isAfter(last);
            if (records.isEmpty() && stillOpen) {
                continue;
            }
            accuracy.saveAll(records);
            issues.scored(open.forecast().id(), scored, stillOpen);
            count += records.size();
        }
        return count;
    }

    /** Indexes what Elasticsearch does not have; an outage leaves the records for the next run. */
    private int indexPending() {
        int indexed = 0;
        while (true) {
            List<AccuracyRecord> batch = accuracy.unindexed(INDEX_BATCH);
            if (batch.isEmpty()) {
                return indexed;
            }
            try {
                indexer.index(batch);
            } catch (IOException | RuntimeException e) {
                log.warn("issuance: {} accuracy records not indexed yet (kept in MongoDB): {}", batch.size(),
                        e.getMessage());
                return indexed;
            }
            accuracy.markIndexed(batch.stream().map(AccuracyRecord::id).toList());
            indexed += batch.size();
        }
    }

    private static void await(List<CompletableFuture<?>> sends, String id) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(PUBLISH_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing forecast " + id, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish forecast " + id, e);
        }
    }
}

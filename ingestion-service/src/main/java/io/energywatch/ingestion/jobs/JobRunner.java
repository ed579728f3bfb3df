package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.EventTimeWindow;
import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.PlausibleEventTimes;
import io.energywatch.ingestion.formats.UnreadableUploadException;
import io.energywatch.ingestion.store.PublishFailedException;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.service.carbon.ModelRun;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreCheck;
import io.energywatch.service.stores.StoreFailure;
import io.energywatch.service.stores.StoreFailures;
import io.energywatch.service.time.EventTimeProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs in the background on a fixed number of workers. A job that fails says why and what it had committed; a job
 * cut short by a shutdown stays RUNNING (or PAUSED) in the store and is resumed by {@link JobRecovery} at the next start.
 *
 * <p>A job whose MongoDB or Kafka becomes unreachable is PAUSED, not FAILED: the attempt is abandoned at its last
 * committed batch, the job checks the stores with exponential backoff, and once they answer a new attempt re-reads the
 * input the way a restart does (records committed before count as accepted without being stored or sent again). While
 * MongoDB is down the pause cannot be written there, so it is kept in memory and shown by the API from there.
 *
 * <p>A job whose MongoDB is full (it refuses writes) ends FAILED: no attempt can succeed until someone frees space. When
 * that end cannot be written either, the job is shown FAILED from memory and its spool is deleted, so the next start
 * finds it unfinished without input and records it FAILED.
 *
 * <p>Every attempt is a measured model run under {@code ingestion:<kind>} (energy, CO2, records read), failed when the
 * attempt did not end the job SUCCEEDED.
 */
@Component
public class JobRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** The MDC key of the ingestion job a log line belongs to (a field of the ECS JSON logs). */
    static final String JOB_ID_MDC = "jobId";

    private final JobRepository jobs;
    private final EventTimeWindow eventTime;
    private final RawStore store;
    private final EventPublisher publisher;
    private final IngestionProperties properties;
    private final List<JobSource> sources;
    private final List<StoreCheck> checks;
    private final Clock clock;
    private final ModelRuns modelRuns;
    private final ObservationRegistry observations;
    private final JobMeters meters;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Jobs of this process as last known: what the API shows while MongoDB cannot be read. */
    private final Map<String, IngestionJob> live = new ConcurrentHashMap<>();
    /** Why each paused job of this process waits; the truth while MongoDB cannot be written. */
    private final Map<String, JobPause> pauses = new ConcurrentHashMap<>();
    /** Jobs of this process that ended while MongoDB refused to record it (full): the truth until the next start. */
    private final Map<String, IngestionJob> unrecordedEnds = new ConcurrentHashMap<>();

    JobRunner(JobRepository jobs, RawStore store, EventPublisher publisher, IngestionProperties properties,
              List<JobSource> sources, List<StoreCheck> checks, Clock clock, ModelRuns modelRuns,
              ObservationRegistry observations, MeterRegistry meters, EventTimeProperties eventTime) {
        this.eventTime = eventTime.window();
        this.jobs = jobs;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.sources = sources;
        this.checks = checks.stream().filter(c -> c.store() == Store.MONGODB || c.store() == Store.KAFKA).toList();
        this.clock = clock;
        this.modelRuns = modelRuns;
        this.observations = observations;
        this.meters = new JobMeters(meters);
        ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().name("ingestion-job-", 0).daemon(false).factory());
        this.workers = pool;
        Gauge.builder(EnergyWatchMeters.INGESTION_JOBS_WAITING, pool, p -> p.getQueue().size())
                .description("jobs accepted and waiting for a worker").register(meters);
    }

    /**
     * Runs the job on a worker as one observation (a timer, a span that is a child of the submitting request's, if
     * any, and the job id in the MDC of every log line of its work).
     */
    void submit(String jobId) {
        Observation parent = observations.getCurrentObservation();
        workers.execute(() -> Observation.createNotStarted(EnergyWatchMeters.INGESTION_JOB, observations)
                .contextualName("ingestion job").parentObservation(parent)
                .highCardinalityKeyValue("job.id", jobId)
                .observe(() -> {
                    try (var mdc = MDC.putCloseable(JOB_ID_MDC, jobId)) {
                        run(jobId);
                    }
                }));
    }

    /** Jobs this process is working on now. */
    Set<String> running() {
        return Set.copyOf(running);
    }

    /** {@code stored} as this process knows it now: PAUSED with its reason when it waits for a store. */
    IngestionJob current(IngestionJob stored) {
        IngestionJob ended = unrecordedEnds.get(stored.id());
        if (ended != null) {
            return ended;
        }
        JobPause pause = pauses.get(stored.id());
        return pause == null ? stored : stored.paused(pause);
    }

    /** A job this process is running, as last known: the answer while MongoDB cannot be read. */
    Optional<IngestionJob> live(String jobId) {
        return Optional.ofNullable(unrecordedEnds.get(jobId)).or(() -> Optional.ofNullable(live.get(jobId)))
                .map(this::current);
    }

    private void run(String jobId) {
        running.add(jobId);
        try {
            // Batches a paused attempt sent: completed (outbox entries removed) before the relay runs.
            List<RawStore.StagedBatch> sent = new ArrayList<>();
            StoreFailure failure;
            // Each pause waits with a fresh backoff until the stores answer, then a new attempt starts.
            while ((failure = attempt(jobId, sent)) != null) {
                if (!waitForStores(jobId, failure, clock.instant(), backOff().start())) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("job {} interrupted by shutdown; it will resume at the next start", jobId);
        } finally {
            running.remove(jobId);
            live.remove(jobId);
            pauses.remove(jobId);
        }
    }

    /** One attempt; returns the store failure that paused it, or null once the job has ended. */
    private @Nullable StoreFailure attempt(String jobId, List<RawStore.StagedBatch> sent) throws InterruptedException {
        IngestionJob job;
        try {
            Optional<StoreFailure> down = firstStoreDown();
            if (down.isPresent()) {
                return down.get();
            }
            while (!sent.isEmpty()) {
                completeSent(sent.getFirst());
                sent.removeFirst();
            }
            // What an interrupted earlier attempt stored but may not have published goes out before this attempt.
            store.relayJob(jobId, properties.publishTimeout());
            job = jobs.start(jobId, clock.instant(), null);
            if (job == null) {
                throw new IllegalStateException("job " + jobId + " is no longer in " + JobRepository.COLLECTION);
            }
            pauses.remove(jobId);
        } catch (RuntimeException e) {
            Optional<StoreFailure> failure = storeFailure(e);
            if (failure.isPresent() && failure.get().kind() == StoreFailure.Kind.UNAVAILABLE) {
                return failure.get();
            }
            if (failure.isPresent()) {
                // Full: the attempt could not even start, so the job ends with what earlier attempts committed.
                IngestionJob known = live.containsKey(jobId) ? live.get(jobId) : jobs.find(jobId).orElse(null);
                if (known != null) {
                    fail(known, countersOf(known), failure.get().summary(), e);
                    return null;
                }
            }
            throw e;
        }
        live.put(jobId, job);
        try (JobExecution execution = new JobExecution(job, store, publisher, jobs, properties, meters)) {
            return runAttempt(job, execution, sent);
        }
    }

    private @Nullable StoreFailure runAttempt(IngestionJob job, JobExecution execution,
                                              List<RawStore.StagedBatch> sent) throws InterruptedException {
        ModelRun run = modelRuns.start(RunKind.INGESTION_JOB, "ingestion:" + job.kind());
        try {
            StoreFailure paused = attemptMeasured(job, execution, sent, run);
            // An attempt that failed or paused has ended its run as failed already: this does nothing then.
            run.rows(execution.counters().recordsRead()).succeeded();
            return paused;
        } catch (InterruptedException | RuntimeException | Error e) {
            run.failed(e);
            throw e;
        }
    }

    private @Nullable StoreFailure attemptMeasured(IngestionJob job, JobExecution execution,
                                                   List<RawStore.StagedBatch> sent, ModelRun run)
            throws InterruptedException {
        String jobId = job.id();
        try {
            JobSource source = sources.stream().filter(s -> s.handles(job)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source reads " + job.trigger() + " jobs"));
            // Every source's records pass the platform's plausible event times (a 2999 timestamp is a rejection).
            source.read(job, new PlausibleEventTimes(execution, eventTime, job.createdAt()));
            execution.complete();
            jobs.finish(jobId, JobStatus.SUCCEEDED, null, clock.instant());
            JobCounters done = execution.counters();
            log.info("job {} ({}) succeeded: {} accepted, {} rejected, {} duplicates", jobId, job.kind(),
                    done.accepted(), done.rejected(), done.duplicates());
            deleteSpool(job);
            return null;
        } catch (UnreadableUploadException e) {
            run.rows(execution.counters().recordsRead()).failed(e);
            jobs.finish(jobId, JobStatus.FAILED, e.getMessage(), clock.instant());
            deleteSpool(job);
            return null;
        } catch (RuntimeException | IOException e) {
            run.rows(execution.counters().recordsRead()).failed(e);
            if (workers.isShutdown()) {
                // Shutting down: leave the job RUNNING with its spool so the next start resumes it.
                log.warn("job {} interrupted by shutdown after {}; it will resume at the next start", jobId,
                        execution.counters());
                return null;
            }
            Optional<StoreFailure> store = storeFailure(e);
            if (store.isPresent() && store.get().kind() == StoreFailure.Kind.UNAVAILABLE) {
                JobCounters c = execution.counters();
                sent.addAll(execution.abandon(properties.publishTimeout()));
                JobPause pause = pause(store.get(), clock.instant());
                pauses.put(jobId, pause);
                live.computeIfPresent(jobId, (id, j) -> j.paused(pause, c));
                log.warn("job {} pauses after {} lines committed: {}", jobId, c.linesCommitted(), store.get().summary());
                return store.get();
            }
            // A full store (or any other failure) needs someone to act: the job ends saying what it committed.
            fail(job, execution.counters(), store.map(StoreFailure::summary).orElseGet(() -> StoreFailures.describe(e)),
                    e);
            return null;
        }
    }

    /**
     * Ends the job FAILED saying what it had committed. A MongoDB that refuses to record that (it is full, or gone) does
     * not hide the end: the job is shown FAILED from memory.
     */
    private void fail(IngestionJob job, JobCounters c, String reason, Exception cause) {
        String error = reason + " (committed before the failure: " + c.accepted() + " accepted, " + c.rejected()
                + " rejected, " + c.duplicates() + " duplicates from the first " + c.linesCommitted() + " lines read)";
        log.error("job {} failed: {}", job.id(), error, cause);
        Instant now = clock.instant();
        try {
            jobs.finish(job.id(), JobStatus.FAILED, error, now);
        } catch (RuntimeException e) {
            Optional<StoreFailure> store = storeFailure(e);
            if (store.isEmpty()) {
                throw e;
            }
            log.error("job {}: its end is not recorded ({}); shown from memory until the next start", job.id(),
                    store.get().summary());
            unrecordedEnds.put(job.id(), job.ended(JobStatus.FAILED, error, c, now));
        }
        deleteSpool(job);
    }

    private static JobCounters countersOf(IngestionJob job) {
        return new JobCounters(job.bytesRead(), job.linesRead(), job.recordsRead(), job.accepted(), job.rejected(),
                job.duplicates(), job.linesCommitted());
    }

    /**
     * Shows the job PAUSED, waits the next backoff interval and checks the stores again, until they answer (true) or the
     * service stops (false).
     */
    private boolean waitForStores(String jobId, StoreFailure failure, Instant since, BackOffExecution backOff)
            throws InterruptedException {
        StoreFailure current = failure;
        while (true) {
            long next = backOff.nextBackOff();
            long delay = next == BackOffExecution.STOP ? properties.pause().maxBackoff().toMillis() : next;
            JobPause pause = new JobPause(current.store().id(), current.summary(), since,
                    clock.instant().plusMillis(delay));
            record(jobId, pause);
            if (workers.isShutdown()) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(delay);
            Optional<StoreFailure> down = firstStoreDown();
            if (down.isEmpty()) {
                log.info("job {}: {} answers again, resuming", jobId, current.store().displayName());
                return true;
            }
            current = down.get();
        }
    }

    /** The pause, in memory for the API and in MongoDB when it can be written (it is rewritten at the next check). */
    private void record(String jobId, JobPause pause) {
        pauses.put(jobId, pause);
        try {
            jobs.pause(jobId, pause);
        } catch (RuntimeException e) {
            if (storeFailure(e).isEmpty()) {
                throw e;
            }
        }
    }

    /** Removes the outbox entries of a batch a paused attempt sent, once Kafka has acknowledged it. */
    private void completeSent(RawStore.StagedBatch batch) {
        try {
            store.complete(batch, properties.publishTimeout());
        } catch (PublishFailedException e) {
            // Never acknowledged: its outbox entries stay, and the relay publishes the batch's records.
            if (e.getCause() instanceof InterruptedException) {
                throw e;
            }
        }
    }

    private Optional<StoreFailure> firstStoreDown() {
        for (StoreCheck check : checks) {
            Optional<StoreFailure> failure = check.probe();
            if (failure.isPresent()) {
                return failure;
            }
        }
        return Optional.empty();
    }

    /** Kafka not acknowledging in time is Kafka being unavailable, whatever the client reported underneath. */
    private static Optional<StoreFailure> storeFailure(Throwable e) {
        Optional<StoreFailure> known = StoreFailures.classify(e);
        if (known.isEmpty() && e instanceof PublishFailedException && !(e.getCause() instanceof InterruptedException)) {
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, StoreFailures.describe(e)));
        }
        return known;
    }

    private static JobPause pause(StoreFailure failure, Instant now) {
        return new JobPause(failure.store().id(), failure.summary(), now, now);
    }

    private ExponentialBackOff backOff() {
        var backOff = new ExponentialBackOff(properties.pause().initialBackoff().toMillis(),
                properties.pause().multiplier());
        backOff.setMaxInterval(properties.pause().maxBackoff().toMillis());
        return backOff;
    }

    private static void deleteSpool(IngestionJob job) {
        if (job.spoolFile() != null) {
            try {
                Files.deleteIfExists(Path.of(job.spoolFile()));
            } catch (IOException e) {
                log.warn("cannot delete spool file {}: {}", job.spoolFile(), e.getMessage());
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(30, TimeUnit.SECONDS);
    }
}

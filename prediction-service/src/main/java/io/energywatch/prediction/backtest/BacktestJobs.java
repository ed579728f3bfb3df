package io.energywatch.prediction.backtest;

import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.energywatch.service.web.TimeWindow;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Backtests run as jobs (DESIGN.md: long work answers 202 with a job resource): one at a time, since each trains every
 * algorithm on both cores. The last {@value #KEPT} jobs are kept in MongoDB, so a restart keeps them; a job a restart
 * interrupted is marked FAILED, and as a backtest is seeded, resubmitting it gives the same answer.
 */
class BacktestJobs implements DisposableBean {

    static final int KEPT = 200;

    enum Status { RUNNING, SUCCEEDED, FAILED }

    /** A backtest job as GET shows it: the result once it succeeded, the problem once it failed. */
    record Job(String id, Status status, String series, Instant submittedAt, @Nullable Instant finishedAt,
               @Nullable BacktestResponse result, @Nullable String error, List<ProblemError> errors) {
    }

    static final String INTERRUPTED = "the service stopped while the backtest ran; submit it again (a backtest is"
            + " seeded: the answer will be the same)";

    private final Backtests backtests;
    private final BacktestJobStore store;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("backtest-job").daemon(true).factory());

    private final MeterRegistry meters;

    BacktestJobs(Backtests backtests, BacktestJobStore store, Clock clock, MeterRegistry meters) {
        this.backtests = backtests;
        this.store = store;
        this.clock = clock;
        this.meters = meters;
    }

    /** Jobs a stop interrupted will never finish: they say so instead of RUNNING for ever. */
    void failInterrupted() {
        for (Job job : store.running()) {
            store.save(new Job(job.id(), Status.FAILED, job.series(), job.submittedAt(), clock.instant(), null,
                    INTERRUPTED, List.of()), null);
        }
    }

    /** Validates now (a bad request is a 4xx at once) and runs the backtest in the background. */
    Job submit(BacktestRequest request) {
        Backtests.Prepared prepared = backtests.prepare(request);
        Job job = new Job(UUID.randomUUID().toString(), Status.RUNNING, prepared.series(), clock.instant(), null, null,
                null, List.of());
        store.save(job, null);
        runner.execute(() -> {
            Timer.Sample started = Timer.start();
            String outcome = "failed";
            try {
                BacktestResponse result = backtests.execute(prepared);
                outcome = "succeeded";
                // One job at a time: the latest summary is this job's.
                store.save(new Job(job.id(), Status.SUCCEEDED, job.series(), job.submittedAt(), clock.instant(),
                        result, null, List.of()), backtests.latest().orElse(null));
            } catch (ProblemException e) {
                store.save(new Job(job.id(), Status.FAILED, job.series(), job.submittedAt(), clock.instant(), null,
                        e.getMessage(), e.errors()), null);
            } catch (RuntimeException e) {
                store.save(new Job(job.id(), Status.FAILED, job.series(), job.submittedAt(), clock.instant(), null,
                        "backtest failed: " + e.getMessage(), List.of()), null);
            } finally {
                started.stop(EnergyWatchMeters.latency(EnergyWatchMeters.BACKTEST, "one backtest job")
                        .tag("outcome", outcome).register(meters));
            }
            store.keepNewest(KEPT);
        });
        return job;
    }

    Optional<Job> find(String id) {
        return store.find(id);
    }

    /** The latest backtest's table: this run's, else the last one stored. */
    Optional<BacktestSummary> latestSummary() {
        return latestSummary(TimeWindow.all());
    }

    /** The latest backtest's summary among those that ran in the window. */
    Optional<BacktestSummary> latestSummary(TimeWindow window) {
        return backtests.latest().filter(s -> window.contains(s.ranAt())).or(() -> store.latestSummary(window));
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}

package io.energywatch.prediction.backtest;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Backtests run as jobs (DESIGN.md: long work answers 202 with a job resource): one at a time, since each trains every
 * algorithm on both cores. The last {@value #KEPT} jobs are kept in memory; a restart forgets them, and as a backtest
 * is seeded, resubmitting it gives the same answer.
 */
class BacktestJobs implements DisposableBean {

    static final int KEPT = 200;

    enum Status { RUNNING, SUCCEEDED, FAILED }

    /** A backtest job as GET shows it: the result once it succeeded, the problem once it failed. */
    record Job(String id, Status status, String series, Instant submittedAt, @Nullable Instant finishedAt,
               @Nullable BacktestResponse result, @Nullable String error, List<ProblemError> errors) {
    }

    private final Backtests backtests;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("backtest-job").daemon(true).factory());
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    BacktestJobs(Backtests backtests, Clock clock) {
        this.backtests = backtests;
        this.clock = clock;
    }

    /** Validates now (a bad request is a 4xx at once) and runs the backtest in the background. */
    Job submit(BacktestRequest request) {
        Backtests.Prepared prepared = backtests.prepare(request);
        Job job = new Job(UUID.randomUUID().toString(), Status.RUNNING, prepared.series(), clock.instant(), null, null,
                null, List.of());
        put(job);
        runner.execute(() -> {
            try {
                BacktestResponse result = backtests.execute(prepared);
                put(new Job(job.id(), Status.SUCCEEDED, job.series(), job.submittedAt(), clock.instant(), result, null,
                        List.of()));
            } catch (ProblemException e) {
                put(new Job(job.id(), Status.FAILED, job.series(), job.submittedAt(), clock.instant(), null,
                        e.getMessage(), e.errors()));
            } catch (RuntimeException e) {
                put(new Job(job.id(), Status.FAILED, job.series(), job.submittedAt(), clock.instant(), null,
                        "backtest failed: " + e.getMessage(), List.of()));
            }
        });
        return job;
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void put(Job job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }
}

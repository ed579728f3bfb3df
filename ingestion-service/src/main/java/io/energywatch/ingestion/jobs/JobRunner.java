package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.UnreadableUploadException;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.service.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs jobs in the background on a fixed number of workers. A job that fails says why and what it had committed; a job
 * cut short by a shutdown stays RUNNING in the store and is resumed by {@link JobRecovery} at the next start.
 */
@Component
public class JobRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final RawStore store;
    private final EventPublisher publisher;
    private final IngestionProperties properties;
    private final List<JobSource> sources;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    JobRunner(JobRepository jobs, RawStore store, EventPublisher publisher, IngestionProperties properties,
              List<JobSource> sources, Clock clock) {
        this.jobs = jobs;
        this.store = store;
        this.publisher = publisher;
        this.properties = properties;
        this.sources = sources;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().name("ingestion-job-", 0).daemon(false).factory());
    }

    void submit(String jobId) {
        workers.execute(() -> run(jobId));
    }

    /** Jobs this process is working on now. */
    Set<String> running() {
        return Set.copyOf(running);
    }

    private void run(String jobId) {
        running.add(jobId);
        // What an interrupted earlier attempt stored but may not have published goes out before this attempt starts.
        store.relayJob(jobId, properties.publishTimeout());
        IngestionJob job = jobs.start(jobId, clock.instant(), null);
        try (JobExecution execution = new JobExecution(job, store, publisher, jobs, properties)) {
            runAttempt(job, execution);
        } finally {
            running.remove(jobId);
        }
    }

    private void runAttempt(IngestionJob job, JobExecution execution) {
        String jobId = job.id();
        try {
            JobSource source = sources.stream().filter(s -> s.handles(job)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no source reads " + job.trigger() + " jobs"));
            source.read(job, execution);
            execution.complete();
            jobs.finish(jobId, JobStatus.SUCCEEDED, null, clock.instant());
            deleteSpool(job);
        } catch (UnreadableUploadException e) {
            jobs.finish(jobId, JobStatus.FAILED, e.getMessage(), clock.instant());
            deleteSpool(job);
        } catch (RuntimeException | IOException e) {
            if (workers.isShutdown()) {
                // Shutting down: leave the job RUNNING with its spool so the next start resumes it.
                log.warn("job {} interrupted by shutdown after {}; it will resume at the next start", jobId,
                        execution.counters());
                return;
            }
            JobCounters c = execution.counters();
            String error = e.getMessage() + " (committed before the failure: " + c.accepted() + " accepted, "
                    + c.rejected() + " rejected, " + c.duplicates() + " duplicates up to line " + c.linesCommitted()
                    + ")";
            log.error("job {} failed: {}", jobId, error, e);
            jobs.finish(jobId, JobStatus.FAILED, error, clock.instant());
            deleteSpool(job);
        }
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

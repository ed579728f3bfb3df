package io.energywatch.ingestion.jobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * At start-up, resumes the jobs a previous run left QUEUED or RUNNING when their input is still there, and marks the others
 * FAILED with what they had committed. One ingestion instance owns the jobs of its store.
 */
@Component
class JobRecovery {

    private static final Logger log = LoggerFactory.getLogger(JobRecovery.class);

    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;

    JobRecovery(JobRepository jobs, JobRunner runner, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void resumeUnfinishedJobs() {
        for (IngestionJob job : jobs.unfinished()) {
            boolean inputKept = job.spoolFile() == null ? job.parameters() != null
                    : Files.isRegularFile(Path.of(job.spoolFile()));
            if (inputKept) {
                log.info("resuming job {} ({} from {}), attempt {}", job.id(), job.kind(), job.origin(),
                        job.attempt() + 1);
                runner.submit(job.id());
            } else {
                jobs.finish(job.id(), JobStatus.FAILED, "interrupted by a restart and its input was not kept; committed: "
                        + job.accepted() + " accepted, " + job.rejected() + " rejected, " + job.duplicates()
                        + " duplicates from the first " + job.linesCommitted() + " lines read", clock.instant());
            }
        }
    }
}

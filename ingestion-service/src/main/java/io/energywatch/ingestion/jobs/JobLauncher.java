package io.energywatch.ingestion.jobs;

import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Queues jobs whose input is not a file (a simulation run): the parameters are stored so a restart can resume them. */
@Component
public class JobLauncher {

    private final JobRepository jobs;
    private final JobRunner runner;
    private final Clock clock;

    JobLauncher(JobRepository jobs, JobRunner runner, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * @param expectedRecords the job's size for progress reporting
     * @param parameters      what the job's {@link JobSource} needs to read it again, as JSON
     */
    public IngestionJob launch(String kind, String origin, String trigger, long expectedRecords, String parameters) {
        String id = UUID.randomUUID().toString();
        IngestionJob job = jobs.insert(IngestionJob.queued(id, kind, null, origin, trigger, expectedRecords, null, null,
                null, parameters, null, clock.instant()));
        runner.submit(id);
        return job;
    }

    public Optional<IngestionJob> find(String id) {
        return jobs.find(id);
    }

    public JobView view(IngestionJob job) {
        return JobView.of(runner.current(job), clock.instant());
    }
}

package io.energywatch.ingestion.jobs;

import io.energywatch.ingestion.formats.ColumnMapping;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * An ingestion job as stored in {@code ingestion_jobs}: what it reads, how far it got and what it counted. Counts are per
 * record: records read = accepted + rejected + duplicates once the job has finished.
 *
 * @param kind       consumption, weather, social-movements, weather-forecast, or simulation
 * @param trigger    upload, poller or simulation
 * @param spoolFile  the kept upload, deleted when the job ends
 * @param attempt    1 for the first run, incremented when a restart resumes the job
 * @param linesCommitted lines whose records are all committed, counted in the order the job reads them (file order, or
 *                   time order for a sorted upload); rejections of those lines are already dead-lettered
 * @param parameters trigger-specific input, e.g. the simulation request as JSON
 * @param pause      why the job is PAUSED, null otherwise
 * @param ordering   an upload's duplicates policy and reorder window, and once read, what they did; null for others
 */
@Document("ingestion_jobs")
public record IngestionJob(
        @Id String id,
        JobStatus status,
        String kind,
        @Nullable String format,
        String origin,
        String trigger,
        long sizeBytes,
        long bytesRead,
        long linesRead,
        long recordsRead,
        long accepted,
        long rejected,
        long duplicates,
        long linesCommitted,
        int attempt,
        List<JobRejection> rejections,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error,
        @Nullable String spoolFile,
        @Nullable String tz,
        @Nullable ColumnMapping mapping,
        @Nullable String parameters,
        @Nullable JobPause pause,
        @Nullable UploadOrdering ordering) {

    public IngestionJob {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    static IngestionJob queued(String id, String kind, @Nullable String format, String origin, String trigger,
                               long sizeBytes, @Nullable String spoolFile, @Nullable String tz,
                               @Nullable ColumnMapping mapping, @Nullable String parameters,
                               @Nullable UploadOrdering ordering, Instant now) {
        return new IngestionJob(id, JobStatus.QUEUED, kind, format, origin, trigger, sizeBytes, 0, 0, 0, 0, 0, 0, 0, 0,
                List.of(), now, null, null, null, spoolFile, tz, mapping, parameters, null, ordering);
    }

    /** This job PAUSED for {@code pause}, with the counters its interrupted attempt had committed. */
    IngestionJob paused(JobPause pause, JobCounters c) {
        return new IngestionJob(id, JobStatus.PAUSED, kind, format, origin, trigger, sizeBytes, c.bytesRead(),
                c.linesRead(), c.recordsRead(), c.accepted(), c.rejected(), c.duplicates(),
                Math.max(linesCommitted, c.linesCommitted()), attempt, rejections, createdAt, startedAt, finishedAt,
                error, spoolFile, tz, mapping, parameters, pause, ordering);
    }

    /** This job as stored, shown PAUSED for {@code pause} (kept in memory while MongoDB could not be written). */
    IngestionJob paused(JobPause pause) {
        return new IngestionJob(id, JobStatus.PAUSED, kind, format, origin, trigger, sizeBytes, bytesRead, linesRead,
                recordsRead, accepted, rejected, duplicates, linesCommitted, attempt, rejections, createdAt, startedAt,
                finishedAt, error, spoolFile, tz, mapping, parameters, pause, ordering);
    }

    /** This job ended with {@code status}, as it would be stored (kept in memory when MongoDB refused the write). */
    IngestionJob ended(JobStatus status, @Nullable String error, JobCounters c, Instant now) {
        return new IngestionJob(id, status, kind, format, origin, trigger, sizeBytes, c.bytesRead(), c.linesRead(),
                c.recordsRead(), c.accepted(), c.rejected(), c.duplicates(),
                Math.max(linesCommitted, c.linesCommitted()), attempt, rejections, createdAt, startedAt, now, error,
                null, tz, mapping, parameters, null, ordering);
    }

    /** Percent of the input consumed: bytes for uploads, records for simulations (sizeBytes then holds the total). */
    public double progressPercent() {
        if (status == JobStatus.SUCCEEDED) {
            return 100.0;
        }
        long done = "simulation".equals(kind) ? recordsRead : bytesRead;
        return sizeBytes <= 0 ? 0.0 : Math.min(100.0, Math.round(1000.0 * done / sizeBytes) / 10.0);
    }

    /** Records read per second over the job's run so far. */
    public double recordsPerSecond(Instant now) {
        if (startedAt == null) {
            return 0.0;
        }
        Instant end = finishedAt != null ? finishedAt : now;
        double seconds = Math.max(0.001, (end.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0);
        return Math.round(recordsRead / seconds * 10.0) / 10.0;
    }
}

package io.energywatch.ingestion.jobs;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A job as the REST API shows it: counts, progress, rate and the first rejections; {@code pause} says which store a
 * PAUSED job waits for and why; {@code ordering} says how an upload's repeated and out-of-order records were handled.
 */
public record JobView(String id, JobStatus status, String kind, @Nullable String format, String origin, String trigger,
                      long sizeBytes, long linesRead, long recordsRead, long accepted, long rejected, long duplicates,
                      double progressPercent, double recordsPerSecond, List<JobRejection> rejections,
                      @Nullable String error, int attempt, Instant createdAt, @Nullable Instant startedAt,
                      @Nullable Instant finishedAt, @Nullable JobPause pause, @Nullable UploadOrdering ordering) {

    static JobView of(IngestionJob j, Instant now) {
        return new JobView(j.id(), j.status(), j.kind(), j.format(), j.origin(), j.trigger(), j.sizeBytes(),
                j.linesRead(), j.recordsRead(), j.accepted(), j.rejected(), j.duplicates(), j.progressPercent(),
                j.recordsPerSecond(now), j.rejections(), j.error(), j.attempt(), j.createdAt(), j.startedAt(),
                j.finishedAt(), j.status() == JobStatus.PAUSED ? j.pause() : null, j.ordering());
    }
}

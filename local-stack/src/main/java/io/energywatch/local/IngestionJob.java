package io.energywatch.local;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** An ingestion job as {@code GET /api/v1/ingestions/{id}} reports it; counts are null until the service knows them. */
record IngestionJob(String id, String status, String kind, String format, String origin, Long recordsRead,
                    Long accepted, Long rejected, Long duplicates, Double progressPercent, Double recordsPerSecond,
                    List<Rejection> rejections, String error, String startedAt, String finishedAt) {

    /** One rejected record: where it was and why. */
    record Rejection(Long line, String field, String reason) {
    }

    IngestionJob {
        rejections = rejections == null ? List.of() : List.copyOf(rejections);
    }

    boolean finished() {
        return "SUCCEEDED".equals(status) || "FAILED".equals(status);
    }

    boolean failed() {
        return "FAILED".equals(status);
    }

    IngestionJob withId(String newId) {
        return new IngestionJob(newId, status, kind, format, origin, recordsRead, accepted, rejected, duplicates,
                progressPercent, recordsPerSecond, rejections, error, startedAt, finishedAt);
    }

    /** Wall time from start to finish, when both instants are known. */
    Optional<Duration> duration() {
        try {
            if (startedAt == null || finishedAt == null) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(Instant.parse(startedAt), Instant.parse(finishedAt)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}

package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.DuplicatePolicy;
import io.energywatch.ingestion.config.IngestionProperties;
import io.energywatch.ingestion.formats.ColumnMapping;
import io.energywatch.ingestion.formats.FormatDetector;
import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.ingestion.formats.SourceFormat;
import io.energywatch.ingestion.formats.UnreadableUploadException;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an upload (REST or poller) into a queued job: the bytes are kept in the spool folder first, so the request can be
 * answered at once and a restart can resume the job; an upload that cannot be read at all is refused before any job
 * exists.
 */
@Service
public class UploadService {

    private final JobRepository jobs;
    private final JobRunner runner;
    private final IngestionProperties properties;
    private final Clock clock;

    UploadService(JobRepository jobs, JobRunner runner, IngestionProperties properties, Clock clock) {
        this.jobs = jobs;
        this.runner = runner;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * What the caller said about an upload.
     *
     * @param duplicates the duplicates policy ({@code first}, {@code last}, {@code mean}, {@code reject}); null for
     *                   {@code first}
     */
    public record UploadRequest(String origin, String trigger, IngestionKind kind, @Nullable String format,
                                @Nullable String tz, @Nullable ColumnMapping mapping, @Nullable String duplicates) {
    }

    public IngestionJob accept(InputStream body, UploadRequest request) {
        SourceFormat requested = request.format() == null || request.format().isBlank() ? null
                : parse("format", request.format(), SourceFormat::fromCode);
        if (request.tz() != null && !request.tz().isBlank()) {
            parse("tz", request.tz(), ZoneId::of);
        }
        UploadOrdering ordering = ordering(request);
        String id = UUID.randomUUID().toString();
        Path spool = spool(body, id);
        try {
            long size = Files.size(spool);
            if (size == 0) {
                throw ProblemException.badRequest("empty-upload", "the upload is empty", List.of());
            }
            SourceFormat format = FormatDetector.detect(spool, request.kind(), requested, request.mapping());
            IngestionJob job = jobs.insert(IngestionJob.queued(id, request.kind().code(), format.code(),
                    request.origin(), request.trigger(), size, spool.toString(), blankToNull(request.tz()),
                    request.mapping(), null, ordering, clock.instant()));
            runner.submit(id);
            return job;
        } catch (UnreadableUploadException e) {
            deleteQuietly(spool);
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-upload", "Unreadable upload",
                    e.getMessage(), List.of());
        } catch (IOException e) {
            deleteQuietly(spool);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    /** Records a run that never got its input (a poller whose source kept failing), so it shows in the jobs API. */
    public IngestionJob recordFailure(UploadRequest request, String error) {
        String id = UUID.randomUUID().toString();
        jobs.insert(IngestionJob.queued(id, request.kind().code(), request.format(), request.origin(), request.trigger(),
                0, null, request.tz(), request.mapping(), null, null, clock.instant()));
        jobs.finish(id, JobStatus.FAILED, error, clock.instant());
        return jobs.find(id).orElseThrow();
    }

    public Optional<IngestionJob> find(String id) {
        return jobs.find(id);
    }

    /** The policy and window the job keeps, so a resumed attempt orders the upload exactly as the first did. */
    private UploadOrdering ordering(UploadRequest request) {
        DuplicatePolicy policy = request.duplicates() == null || request.duplicates().isBlank() ? DuplicatePolicy.FIRST
                : DuplicatePolicy.parse(request.duplicates());
        if (policy != DuplicatePolicy.FIRST && request.kind() != IngestionKind.CONSUMPTION) {
            // Weather, movements and forecasts keep the first record of a key, as re-ingestion does.
            throw ProblemException.badRequest("invalid-request", "duplicates applies to consumption uploads",
                    List.of(ProblemError.field(DuplicatePolicy.PARAMETER, request.duplicates(), "kind "
                            + request.kind().code() + " keeps the first record of a key; only consumption takes "
                            + "last, mean or reject")));
        }
        return UploadOrdering.requested(policy, properties.order().reorderWindow());
    }

    private Path spool(InputStream body, String id) {
        Path target = properties.spoolDir().resolve(id + ".upload");
        try {
            Files.createDirectories(properties.spoolDir());
            Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            // A body cut off (over its size limit, or the caller gone) leaves no half file in the spool.
            deleteQuietly(target);
            throw new UncheckedIOException("cannot keep the upload in " + properties.spoolDir(), e);
        }
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-request", field + " '" + value + "' is invalid: " + e.getMessage(),
                    List.of(ProblemError.field(field, value, e.getMessage())));
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the spool folder is scratch space; a leftover file is harmless
        }
    }
}

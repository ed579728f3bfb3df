package io.energywatch.ingestion.pollers;

import io.energywatch.ingestion.config.IngestionProperties.Poller;
import io.energywatch.ingestion.jobs.IngestionJob;
import io.energywatch.ingestion.jobs.UploadService;
import io.energywatch.ingestion.jobs.UploadService.UploadRequest;
import io.energywatch.service.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of a poller: a conditional GET (If-None-Match / If-Modified-Since from the last ingested content), retried with
 * exponential backoff on I/O errors and 5xx answers; new content becomes an ingestion job like an upload. The raw
 * store's unique keys are the high-water mark: a source that republishes old rows adds only the new ones.
 */
@Component
public class PollerRunner {

    private static final Logger log = LoggerFactory.getLogger(PollerRunner.class);

    /** What a run did. */
    public enum Outcome { INGESTED, NOT_MODIFIED, FAILED }

    /** The outcome and the job it created, if any. */
    public record Run(Outcome outcome, Optional<IngestionJob> job, String detail) {
    }

    private final UploadService uploads;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final HttpClient http;
    private final Backoff backoff;

    PollerRunner(UploadService uploads, MongoTemplate mongo, Clock clock, Backoff backoff) {
        this.uploads = uploads;
        this.mongo = mongo;
        this.clock = clock;
        this.backoff = backoff;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Run run(Poller poller) {
        PollerState state = Optional.ofNullable(mongo.findById(poller.id(), PollerState.class))
                .orElse(new PollerState(poller.id(), null, null, null, null, null));
        UploadRequest request = new UploadRequest(poller.id(), "poller", poller.kind(), poller.format(), poller.tz(),
                null, null);
        String lastError = "no attempt made";
        Duration wait = poller.backoff();
        for (int attempt = 1; attempt <= poller.attempts(); attempt++) {
            try {
                HttpResponse<InputStream> response = http.send(conditionalGet(poller, state),
                        HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status == 304) {
                    response.body().close();
                    save(state, state.etag(), state.lastModified(), "not modified", state.lastJobId());
                    return new Run(Outcome.NOT_MODIFIED, Optional.empty(), "not modified since the last run");
                }
                if (status >= 200 && status < 300) {
                    IngestionJob job;
                    try (InputStream body = response.body()) {
                        job = uploads.accept(body, request);
                    }
                    save(state, response.headers().firstValue("ETag").orElse(null),
                            response.headers().firstValue("Last-Modified").orElse(null), "ingested", job.id());
                    return new Run(Outcome.INGESTED, Optional.of(job), "job " + job.id());
                }
                response.body().close();
                lastError = "GET " + poller.url() + " answered " + status;
                if (status < 500 && status != 429) {
                    break; // a client error will not go away by retrying
                }
            } catch (ProblemException e) {
                lastError = "content of " + poller.url() + " refused: " + e.getMessage();
                break;
            } catch (IOException e) {
                lastError = "GET " + poller.url() + " failed: " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                lastError = "interrupted";
                break;
            }
            if (attempt < poller.attempts()) {
                log.warn("poller {} attempt {}/{}: {}; retrying in {}", poller.id(), attempt, poller.attempts(),
                        lastError, wait);
                backoff.pause(wait);
                wait = wait.multipliedBy(2);
            }
        }
        IngestionJob failed = uploads.recordFailure(request, lastError + " (after " + poller.attempts() + " attempts)");
        save(state, state.etag(), state.lastModified(), "failed: " + lastError, failed.id());
        return new Run(Outcome.FAILED, Optional.of(failed), lastError);
    }

    private static HttpRequest conditionalGet(Poller poller, PollerState state) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(poller.url())).timeout(Duration.ofMinutes(5)).GET();
        if (state.etag() != null) {
            b.header("If-None-Match", state.etag());
        }
        if (state.lastModified() != null) {
            b.header("If-Modified-Since", state.lastModified());
        }
        return b.build();
    }

    private void save(PollerState old, String etag, String lastModified, String outcome, String jobId) {
        mongo.save(new PollerState(old.pollerId(), etag, lastModified, clock.instant(), outcome, jobId));
    }
}

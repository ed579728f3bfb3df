package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Client of ingestion-service's REST API: starts simulations and uploads, and reads a job's progress. */
final class IngestionClient {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Uploads of large files stream for a while before the service answers 202. */
    private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient http;
    private final JsonMapper json;
    private final URI base;

    IngestionClient(HttpClient http, JsonMapper json, URI base) {
        this.http = http;
        this.json = json;
        this.base = base;
    }

    URI base() {
        return base;
    }

    /**
     * A regime shift for the simulator (see ingestion's {@code RegimeShift}): a heat wave of {@code heatWaveDays} days
     * adding {@code heatWaveC} from {@code from}, then demand cut by {@code demandCutPercent} to the end.
     */
    record RegimeShift(LocalDate from, int heatWaveDays, double heatWaveC, double demandCutPercent) {
    }

    /** Simulates {@code from..to} and ingests its days {@code publishFrom..publishTo}. */
    IngestionJob simulate(long seed, LocalDate from, LocalDate to, Optional<RegimeShift> shift, LocalDate publishFrom,
                          LocalDate publishTo) {
        var body = new LinkedHashMap<String, Object>();
        body.put("seed", seed);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("publishFrom", publishFrom.toString());
        body.put("publishTo", publishTo.toString());
        body.put("weatherForecasts", true);
        shift.ifPresent(s -> body.put("regimeShift", Map.of("from", s.from().toString(),
                "heatWaveDays", s.heatWaveDays(), "heatWaveC", s.heatWaveC(), "demandCutPercent",
                s.demandCutPercent())));
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/simulations")).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        return started(request);
    }

    IngestionJob upload(Path file, String kind, Optional<String> format) {
        return upload(file, kind, format, Optional.empty());
    }

    IngestionJob upload(Path file, String kind, Optional<String> format, Optional<String> duplicates) {
        String query = "kind=" + encode(kind) + format.map(f -> "&format=" + encode(f)).orElse("")
                + duplicates.map(p -> "&duplicates=" + encode(p)).orElse("");
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new StackException("file " + file + " does not exist or cannot be read");
        }
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/ingestions?" + query))
                .timeout(UPLOAD_TIMEOUT).header("Content-Type", contentType(file))
                .header("Accept", "application/json").POST(body).build();
        return started(request);
    }

    IngestionJob job(String id) {
        return poll(id).job();
    }

    /** A job as last reported, and why it is paused when it waits for a store. */
    record JobPoll(IngestionJob job, Optional<String> pausedBecause) {
    }

    JobPoll poll(String id) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/ingestions/" + encode(id)))
                .timeout(REQUEST_TIMEOUT).header("Accept", "application/json").GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw failure(request, response);
        }
        IngestionJob job = parseJob(response.body(), request);
        JsonNode reason = json.readTree(response.body()).path("pause").path("reason");
        return new JobPoll(job, "PAUSED".equals(job.status()) && reason.isString() && !reason.asString().isBlank()
                ? Optional.of(reason.asString()) : Optional.empty());
    }

    /**
     * ingestion-service answered that a store it needs is down (503) or full (507): says which, and what to do. Jobs
     * already accepted are not lost; they pause and go on when the store is back.
     */
    static final class StoreUnavailableException extends StackException {

        private final String store;

        StoreUnavailableException(String store, String message) {
            super(message);
            this.store = store;
        }

        /** {@code mongodb}, {@code kafka} or {@code elasticsearch}. */
        String store() {
            return store;
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv")
                ? "text/csv" : "application/octet-stream";
    }

    /** A 202 with a job; the Location names the job when the body does not carry its id. */
    private IngestionJob started(HttpRequest request) {
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status >= 400 && status < 500) {
            throw new UploadRejectedException(status, problemDetail(response.body()));
        }
        storeProblem(response).ifPresent(e -> {
            throw e;
        });
        if (status != 202 && status != 201 && status != 200) {
            throw failure(request, response);
        }
        Optional<String> location = response.headers().firstValue("Location");
        IngestionJob job = response.body().isBlank() ? null : parseJob(response.body(), request);
        if (job != null && job.id() != null) {
            return job;
        }
        String id = location.map(l -> l.substring(l.lastIndexOf('/') + 1)).orElseThrow(() -> new StackException(
                request.method() + " " + request.uri() + " answered " + status + " without a job id or Location"));
        return job == null ? job(id) : job.withId(id);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new StackException("ingestion-service is not reachable at " + base
                    + ": start it with ./energywatch up (./energywatch status shows what runs)", e);
        } catch (IOException e) {
            throw new StackException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted during " + request.method() + " " + request.uri());
        }
    }

    private IngestionJob parseJob(String body, HttpRequest request) {
        try {
            return json.readValue(body, IngestionJob.class);
        } catch (JacksonException e) {
            throw new StackException(request.method() + " " + request.uri() + " answered a body that is not an"
                    + " ingestion job: " + abbreviate(body), e);
        }
    }

    private StackException failure(HttpRequest request, HttpResponse<String> response) {
        Optional<StoreUnavailableException> store = storeProblem(response);
        if (store.isPresent()) {
            return store.get();
        }
        return new StackException(request.method() + " " + request.uri() + " answered HTTP " + response.statusCode()
                + ": " + problemDetail(response.body()));
    }

    /** A 503 or 507 problem naming the store that is down or full, in words a user can act on. */
    private Optional<StoreUnavailableException> storeProblem(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status != 503 && status != 507) {
            return Optional.empty();
        }
        String store;
        String title;
        try {
            JsonNode problem = json.readTree(response.body());
            store = problem.path("store").asString("");
            title = problem.path("title").asString("");
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (store.isBlank()) {
            return Optional.empty();
        }
        String name = title.isBlank() ? store : title;
        String advice = status == 507
                ? "free space on " + storeName(store) + " or raise its limit, then run the command again"
                : "check the servers with ./energywatch stack status and start what is down with ./energywatch stack"
                        + " up; running jobs pause and go on by themselves once it is back";
        return Optional.of(new StoreUnavailableException(store, "ingestion-service answered HTTP " + status + ": "
                + name + " (" + problemDetail(response.body()) + "). What to do: " + advice + "."));
    }

    private static String storeName(String store) {
        return switch (store) {
            case "mongodb" -> "MongoDB";
            case "kafka" -> "Kafka";
            case "elasticsearch" -> "Elasticsearch";
            default -> store;
        };
    }

    /** The problem+json {@code detail} (or {@code title}), else the start of the body. */
    private String problemDetail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            for (String field : new String[] {"detail", "title"}) {
                JsonNode value = problem.get(field);
                if (value != null && !value.asString().isBlank()) {
                    return value.asString();
                }
            }
        } catch (JacksonException e) {
            // not JSON: the raw body below says more than the parse error
        }
        return body.isBlank() ? "(no body)" : abbreviate(body);
    }

    private static String abbreviate(String text) {
        String single = text.strip().replaceAll("\\s+", " ");
        return single.length() <= 300 ? single : single.substring(0, 300) + "...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

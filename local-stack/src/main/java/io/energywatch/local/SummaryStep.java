package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A demo step that reads a service's summary endpoint once the service has caught up with the data the ingest step
 * pushed (its progress counter has stopped moving), and prints the fields an operator looks at. One instance per
 * downstream service: fusion's enriched stats, anomaly stats, the backtest table, the drift summary.
 */
final class SummaryStep implements DemoStep {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final String module;
    private final String path;
    private final ToLongFunction<JsonNode> progress;
    private final List<String> fields;
    private final Duration settleTimeout;
    private final DemoContext context;

    /**
     * @param progress      a counter in the summary that grows while the service works through the data
     * @param fields        the fields printed, in order
     * @param settleTimeout how long to wait for the counter to stop moving
     */
    SummaryStep(String name, String module, String path, ToLongFunction<JsonNode> progress, List<String> fields,
                Duration settleTimeout, DemoContext context) {
        this.name = name;
        this.module = module;
        this.path = path;
        this.progress = progress;
        this.fields = List.copyOf(fields);
        this.settleTimeout = settleTimeout;
        this.context = context;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<StepResult> run() {
        var unavailable = context.services().unavailable(module);
        if (unavailable.isPresent()) {
            return List.of(new StepResult(name, StepResult.Outcome.SKIPPED, module, unavailable.get()));
        }
        URI url = context.serviceUrl(module).resolve(path);
        try {
            JsonNode summary = settled(url);
            var pretty = context.json().rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
            for (String field : fields) {
                JsonNode value = summary.path(field);
                context.out().println(field + ": " + (value.isValueNode() ? value.asString()
                        : pretty.writeValueAsString(value)));
            }
            return List.of(new StepResult(name, StepResult.Outcome.DONE, module, brief(summary)));
        } catch (StackException e) {
            return List.of(new StepResult(name, StepResult.Outcome.FAILED, module, e.getMessage()));
        }
    }

    /** Polls until the progress counter is positive and the same three times in a row, or the timeout passes. */
    private JsonNode settled(URI url) {
        Instant deadline = Instant.now().plus(settleTimeout);
        long previous = -1;
        int unchanged = 0;
        JsonNode last = null;
        while (true) {
            last = get(url);
            long now = progress.applyAsLong(last);
            unchanged = now == previous ? unchanged + 1 : 0;
            if (now > 0 && unchanged >= 2) {
                return last;
            }
            if (Instant.now().isAfter(deadline)) {
                context.out().println(name + ": still working after " + settleTimeout.toSeconds() + " s; showing the"
                        + " summary as it is");
                return last;
            }
            previous = now;
            context.out().println(name + ": " + brief(last) + " so far");
            Pause.of(POLL);
        }
    }

    /** The summary's plain values, in the order of {@code fields}: what a reader follows while the step settles. */
    private String brief(JsonNode summary) {
        StringBuilder detail = new StringBuilder();
        for (String field : fields) {
            JsonNode value = summary.path(field);
            if (value.isValueNode() && !value.isNull() && !value.isMissingNode() && detail.length() < 120) {
                detail.append(detail.isEmpty() ? "" : ", ").append(field).append(' ').append(value.asString());
            }
        }
        return detail.toString();
    }

    private JsonNode get(URI url) {
        try {
            HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return context.json().readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new StackException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading " + url, e);
        }
    }
}

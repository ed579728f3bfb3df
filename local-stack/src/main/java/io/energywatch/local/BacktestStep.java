package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's forecasting step: a backtest of a simulated region's daily electricity (train January to 10 March 2024,
 * test the rest of March, day-ahead), retried while prediction-service is still filling its daily history from the
 * enriched stream, then the table of every algorithm and baseline.
 */
final class BacktestStep implements DemoStep {

    static final String SERIES = "electricity:11:sim:P1D";
    private static final String REQUEST = """
            {"series":"%s","trainFrom":"2024-01-01","trainTo":"2024-03-10","testFrom":"2024-03-11",\
            "testTo":"2024-03-31","horizonDays":1}""".formatted(SERIES);
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final DemoContext context;

    BacktestStep(DemoContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "backtest";
    }

    @Override
    public List<StepResult> run() {
        var unavailable = context.services().unavailable("prediction-service");
        if (unavailable.isPresent()) {
            return List.of(new StepResult(name(), StepResult.Outcome.SKIPPED, "prediction-service", unavailable.get()));
        }
        URI url = context.serviceUrl("prediction-service").resolve("/api/v1/predictions/backtests");
        Instant deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = post(url);
            if (response.statusCode() == 202) {
                URI job = url.resolve(response.headers().firstValue("Location").orElseThrow(
                        () -> new StackException("the backtest job has no Location")));
                JsonNode finished = awaitJob(job, deadline);
                if ("SUCCEEDED".equals(finished.path("status").asString())) {
                    return List.of(print(finished.path("result")));
                }
                // The service's daily history may still be reading the enriched topic (the test days not all there
                // yet): try again until the deadline, then report the job's error.
                last = "job " + finished.path("status").asString() + ": " + finished.path("error").asString();
            } else {
                last = response.statusCode() + " " + context.json().readTree(response.body()).path("detail").asString();
            }
            context.out().println("backtest: not ready yet (" + last + "); retrying");
            Pause.of(POLL);
        }
        return List.of(new StepResult(name(), StepResult.Outcome.FAILED, SERIES, last));
    }

    private JsonNode awaitJob(URI job, Instant deadline) {
        while (true) {
            try {
                HttpResponse<String> got = context.http().send(HttpRequest.newBuilder(job).timeout(Duration.ofSeconds(30))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                JsonNode body = context.json().readTree(got.body());
                if (!"RUNNING".equals(body.path("status").asString()) || Instant.now().isAfter(deadline)) {
                    return body;
                }
            } catch (IOException | JacksonException e) {
                throw new StackException("GET " + job + " failed: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted", e);
            }
            Pause.of(Duration.ofSeconds(1));
        }
    }

    private StepResult print(JsonNode backtest) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : backtest.path("algorithms")) {
            JsonNode test = a.path("test");
            rows.add(List.of(a.path("algorithm").asString(), a.path("baseline").asBoolean() ? "baseline" : "model",
                    percent(test.path("mapePercent")), percent(test.path("smapePercent")),
                    number(test.path("maeMwh")), number(test.path("r2")),
                    percent(a.path("coverage80Percent"))));
        }
        context.out().println("Backtest of " + SERIES + " (train " + backtest.path("trainRows").asInt() + " days, test "
                + backtest.path("testRows").asInt() + " days), champion " + backtest.path("champion").asString());
        context.out().println(new TextTable(List.of("ALGORITHM", "KIND", "MAPE %", "sMAPE %", "MAE MWh", "R2",
                "80% COVER"), rows).render());
        return new StepResult(name(), StepResult.Outcome.DONE, SERIES, "champion " + backtest.path("champion")
                .asString() + ", " + rows.size() + " algorithms and baselines");
    }

    private HttpResponse<String> post(URI url) {
        try {
            return context.http().send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(REQUEST))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | JacksonException e) {
            throw new StackException("POST " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    private static String percent(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.2f", n.asDouble()) : "-";
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%,.3f", n.asDouble()) : "-";
    }
}

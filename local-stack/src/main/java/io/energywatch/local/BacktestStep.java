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
 * The demo's forecasting step: once prediction-service's daily history has drained the enriched stream, a day-ahead
 * backtest of one daily series (a simulated region's, or the national one with the real datasets), then the table of
 * every algorithm and baseline. A refused or failed backtest is retried until the deadline: the history answers from
 * MongoDB, which may lag its listener's commit by a moment.
 */
final class BacktestStep implements DemoStep {

    /** The series and its train and test days. */
    record Backtest(String series, String trainFrom, String trainTo, String testFrom, String testTo) {

        /** Train January to 10 March 2024, test the rest of March. */
        static final Backtest SIMULATED = new Backtest("electricity:11:sim:P1D", "2024-01-01", "2024-03-10",
                "2024-03-11", "2024-03-31");
        /** Train 2019-2021 (Covid's 2020 included, as a utility's history would), test 2022. */
        static final Backtest NATIONAL = new Backtest("electricity:FR:odre:P1D", "2019-01-01", "2021-12-31",
                "2022-01-01", "2022-12-30");

        String request() {
            return """
                    {"series":"%s","trainFrom":"%s","trainTo":"%s","testFrom":"%s","testTo":"%s","horizonDays":1}"""
                    .formatted(series, trainFrom, trainTo, testFrom, testTo);
        }
    }

    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofSeconds(5);

    private final Backtest backtest;
    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    BacktestStep(Backtest backtest, PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.backtest = backtest;
        this.dependencies = dependencies;
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
        PipelineDrain.Result drained;
        try {
            drained = context.drain().await(name(), dependencies);
        } catch (StackException e) {
            return List.of(new StepResult(name(), StepResult.Outcome.FAILED, backtest.series(), e.getMessage()));
        }
        context.out().println(SummaryStep.drainLine(name(), drained));
        Instant deadline = Instant.now().plus(WAIT);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = post(url);
            if (response.statusCode() == 202) {
                URI job = url.resolve(response.headers().firstValue("Location").orElseThrow(
                        () -> new StackException("the backtest job has no Location")));
                JsonNode finished = awaitJob(job, deadline);
                if ("SUCCEEDED".equals(finished.path("status").asString())) {
                    StepResult printed = print(finished.path("result"));
                    return List.of(drained.drained() ? printed : new StepResult(name(), StepResult.Outcome.INCOMPLETE,
                            printed.subject(), SummaryStep.incomplete(drained, printed.detail())));
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
        return List.of(new StepResult(name(), drained.drained() ? StepResult.Outcome.FAILED
                : StepResult.Outcome.INCOMPLETE, backtest.series(), drained.drained() ? last
                : SummaryStep.incomplete(drained, last)));
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

    private StepResult print(JsonNode result) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode a : result.path("algorithms")) {
            JsonNode test = a.path("test");
            rows.add(List.of(a.path("algorithm").asString(), a.path("baseline").asBoolean() ? "baseline" : "model",
                    percent(test.path("mapePercent")), percent(test.path("smapePercent")),
                    number(test.path("maeMwh")), number(test.path("r2")),
                    percent(a.path("coverage80Percent"))));
        }
        context.out().println("Backtest of " + backtest.series() + " (train " + result.path("trainRows").asInt()
                + " days, test " + result.path("testRows").asInt() + " days), champion "
                + result.path("champion").asString());
        context.out().println(new TextTable(List.of("ALGORITHM", "KIND", "MAPE %", "sMAPE %", "MAE MWh", "R2",
                "80% COVER"), rows).render());
        return new StepResult(name(), StepResult.Outcome.DONE, backtest.series(), "champion "
                + result.path("champion").asString() + ", " + rows.size() + " algorithms and baselines");
    }

    private HttpResponse<String> post(URI url) {
        try {
            return context.http().send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(backtest.request())).build(),
                    HttpResponse.BodyHandlers.ofString());
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

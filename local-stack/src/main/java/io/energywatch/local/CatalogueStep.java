package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an integrator reads once the enriched records are indexed: the series catalogue ({@code GET /api/v1/series}:
 * unit, step, extent and records of every series) and, as a spreadsheet user gets it with {@code Accept: text/csv},
 * the latest records of the series with the most records ({@code latest=N}).
 */
final class CatalogueStep implements DemoStep {

    private static final String MODULE = "fusion-service";
    /** Records of the CSV sample: enough to see rows, few enough for a terminal. */
    private static final int LATEST = 3;
    /** CSV lines are cut to this width in the terminal (an enriched record has about 40 columns). */
    private static final int WIDTH = 150;

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    CatalogueStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return "catalogue";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, MODULE, dependencies, context, this::read);
    }

    private DrainedRead.Reading read() {
        URI fusion = context.serviceUrl(MODULE);
        JsonNode page = DemoHttp.getJson(context, fusion.resolve("/api/v1/series?size=1000"));
        List<List<String>> rows = new ArrayList<>();
        JsonNode largest = null;
        for (JsonNode series : page.path("content")) {
            rows.add(List.of(series.path("id").asString(), series.path("unit").asString(),
                    series.path("firstInstant").asString(), series.path("lastInstant").asString(),
                    Long.toString(series.path("records").asLong()), Long.toString(series.path("missingValues").asLong())));
            if (largest == null || series.path("records").asLong() > largest.path("records").asLong()) {
                largest = series;
            }
        }
        if (largest == null) {
            context.out().println("No series indexed yet");
            return DrainedRead.Reading.incomplete("the catalogue lists no series", "0 series");
        }
        context.out().println("Series catalogue (GET /api/v1/series)");
        context.out().println(new TextTable(List.of("SERIES", "UNIT", "FIRST", "LAST", "RECORDS", "MISSING"), rows)
                .render());
        String path = "/api/v1/enriched?series=" + URLEncoder.encode(largest.path("id").asString(),
                StandardCharsets.UTF_8) + "&latest=" + LATEST;
        context.out().println("Its latest " + LATEST + " records as CSV (GET " + path + ", Accept: text/csv)");
        List<String> lines = csv(fusion.resolve(path));
        lines.forEach(line -> context.out().println(line.length() > WIDTH ? line.substring(0, WIDTH) + "…" : line));
        return DrainedRead.Reading.done(page.path("totalElements").asLong() + " series, CSV of "
                + (lines.size() - 1) + " records");
    }

    /** The lines of a {@code text/csv} answer; another status or media type is a {@link StackException}. */
    private List<String> csv(URI url) {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).header("Accept", "text/csv")
                .GET().build();
        try {
            HttpResponse<String> response = context.http().send(request, HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("text/csv")) {
                throw new StackException("GET " + url + " answered " + response.statusCode() + " " + type + ": "
                        + response.body());
            }
            return response.body().lines().toList();
        } catch (IOException e) {
            throw new StackException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while calling " + url, e);
        }
    }
}

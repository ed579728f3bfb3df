package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's carbon step: every training, scoring batch, backtest, forecast issuance, drift run and ingestion job the
 * demo caused was measured (energy as CodeCarbon estimates it, CO2 at the grid's intensity) and indexed by
 * prediction-service. Once the pipeline and the model-run sink have drained, prints the carbon report of the runs that
 * started since the demo did: totals, energy methods, where each run's carbon intensity came from (the grid's measured
 * intensity of its hour, or the country default: the local demo's éCO2mix files are regional and carry none), per
 * service and the most emitting models, and where the printable monthly report is.
 */
final class CarbonStep implements DemoStep {

    private static final String MODULE = "prediction-service";
    private static final int TOP_MODELS = 10;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;
    private final Instant since;

    /**
     * @param dependencies the pipeline's groups and the model-run sink's group, the model-runs index to refresh
     */
    CarbonStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this(dependencies, context, Instant.now());
    }

    CarbonStep(PipelineDrain.Dependencies dependencies, DemoContext context, Instant since) {
        this.dependencies = dependencies;
        this.context = context;
        this.since = since;
    }

    /** The dependencies of the step: every pipeline group, the model-run sink, the model-runs index. */
    static PipelineDrain.Dependencies dependencies(ConsumerGroups groups, PlatformConfig platform) {
        var all = new ArrayList<>(groups.all());
        all.add(groups.modelRunSink());
        return new PipelineDrain.Dependencies(all, List.of(platform.index("model-runs")));
    }

    @Override
    public String name() {
        return "carbon";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, MODULE, dependencies, context, () -> {
            String from = URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
            var base = context.serviceUrl(MODULE);
            JsonNode byService = DemoHttp.getJson(context,
                    base.resolve("/api/v1/carbon/report?groupBy=service&from=" + from));
            JsonNode byModel = DemoHttp.getJson(context,
                    base.resolve("/api/v1/carbon/report?groupBy=model&from=" + from));
            String detail = print(byService, byModel);
            if (byService.path("totals").path("runs").asLong() == 0) {
                return DrainedRead.Reading.incomplete("no model run recorded since the demo started", detail);
            }
            return DrainedRead.Reading.done(detail);
        });
    }

    /** The report's tables; returns the step's one-line detail. */
    String print(JsonNode byService, JsonNode byModel) {
        JsonNode totals = byService.path("totals");
        var out = context.out();
        List<String> methods = counts(byService.path("methods"));
        List<String> sources = counts(byService.path("intensitySources"));
        out.println("Carbon footprint of the demo's model runs (since " + since + ")");
        out.println(new TextTable(List.of("RUNS", "FAILED", "CPU s", "ENERGY kWh", "g CO2e", "METHOD (runs)",
                "INTENSITY (runs)"),
                List.of(List.of(Long.toString(totals.path("runs").asLong()),
                        Long.toString(totals.path("failedRuns").asLong()),
                        number(totals.path("cpuSeconds").asDouble(), 1), number(totals.path("energyKwh").asDouble(), 6),
                        number(totals.path("co2Grams").asDouble(), 3), String.join(", ", methods),
                        String.join(", ", sources)))).render());
        out.println("Intensity: measured = the French grid's measured gCO2/kWh of the run's hour (éCO2mix national "
                + "data, when ingested); country-default = the meter's yearly figure for the country");
        out.println("Per service");
        out.println(new TextTable(List.of("SERVICE", "RUNS", "FAILED", "ROWS", "CPU s", "ENERGY kWh", "g CO2e",
                "METHOD", "INTENSITY"), rows(byService.path("groups"), Integer.MAX_VALUE)).render());
        out.println("Most emitting models (top " + TOP_MODELS + ")");
        out.println(new TextTable(List.of("MODEL", "RUNS", "FAILED", "ROWS", "CPU s", "ENERGY kWh", "g CO2e",
                "METHOD", "INTENSITY"), rows(byModel.path("groups"), TOP_MODELS)).render());
        YearMonth month = YearMonth.now(PARIS);
        out.println("Printable monthly report: " + context.serviceUrl(MODULE)
                .resolve("/api/v1/carbon/report/monthly?month=" + month) + " (text/html, with a token)");
        return String.format(Locale.ROOT, "%d runs, %s kWh, %s g CO2e (%s; intensity %s)",
                totals.path("runs").asLong(), number(totals.path("energyKwh").asDouble(), 6),
                number(totals.path("co2Grams").asDouble(), 3), String.join(", ", methods),
                String.join(", ", sources));
    }

    /** "key runs" of each entry of a runs-per-key object (methods, intensity sources). */
    private static List<String> counts(JsonNode runsByKey) {
        List<String> counts = new ArrayList<>();
        runsByKey.properties().forEach(m -> counts.add(m.getKey() + " " + m.getValue().asLong()));
        return counts;
    }

    private static String joined(JsonNode values) {
        List<String> all = new ArrayList<>();
        values.forEach(v -> all.add(v.asString()));
        return String.join(", ", all);
    }

    private static List<List<String>> rows(JsonNode groups, int limit) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode g : groups) {
            if (rows.size() == limit) {
                break;
            }
            JsonNode f = g.path("figures");
            rows.add(List.of(g.path("key").asString(), Long.toString(f.path("runs").asLong()),
                    Long.toString(f.path("failedRuns").asLong()), Long.toString(f.path("rows").asLong()),
                    number(f.path("cpuSeconds").asDouble(), 1), number(f.path("energyKwh").asDouble(), 6),
                    number(f.path("co2Grams").asDouble(), 3), joined(g.path("methods")),
                    joined(g.path("intensitySources"))));
        }
        return rows;
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}

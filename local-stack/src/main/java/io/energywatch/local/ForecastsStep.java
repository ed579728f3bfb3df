package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The demo's scheduled-forecasts step: nothing is requested; once prediction-service's history has drained the enriched
 * stream and its issuance has caught up (champions trained, forecasts issued from each series' last complete day, the
 * steps whose days are complete scored), the issued counts per horizon, the latest forecasts of one series with their
 * intervals, and the realised accuracy measured so far.
 */
final class ForecastsStep implements DemoStep {

    /** A simulated region's daily electricity; the national series with the real datasets. */
    static final String SIMULATED = "electricity:11:sim:P1D";
    static final String NATIONAL = "electricity:FR:odre:P1D";

    private static final String MODULE = "prediction-service";
    /** Training every series' champions takes minutes on two cores: the first issuance after a load is the longest. */
    private static final Duration ISSUANCE_WAIT = Duration.ofMinutes(10);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final String series;
    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    ForecastsStep(String series, PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.series = series;
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return "forecasts";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, series, dependencies, context, () -> {
            JsonNode issuance = awaitCaughtUp(context, ISSUANCE_WAIT);
            String counts = printCounts(issuance);
            printLatest();
            String accuracy = printAccuracy();
            String bases = printByWeatherBasis();
            String detail = counts + "; " + accuracy + (bases.isEmpty() ? "" : " (" + bases + ")");
            return issuance.path("status").path("caughtUp").asBoolean() ? DrainedRead.Reading.done(detail)
                    : DrainedRead.Reading.incomplete("issuance not caught up after " + ISSUANCE_WAIT.toMinutes()
                    + " min; seen: " + detail, detail);
        });
    }

    /**
     * Waits until prediction-service's issuance has caught up with its history (the history quiet and a run started
     * after its last write finished) and returns the issuance state, caught up or as it was at the deadline. Call it
     * after the history's consumer group has drained: an ingestion between two phases does, so that the forecasts of
     * the first phase are issued before the second brings their actuals.
     */
    static JsonNode awaitCaughtUp(DemoContext context, Duration timeout) {
        URI url = context.serviceUrl(MODULE).resolve("/api/v1/forecasts/issuance");
        Instant deadline = Instant.now().plus(timeout);
        Instant nextProgress = Instant.now().plus(PROGRESS_EVERY);
        while (true) {
            JsonNode issuance = DemoHttp.getJson(context, url);
            if (issuance.path("status").path("caughtUp").asBoolean() || Instant.now().isAfter(deadline)) {
                return issuance;
            }
            if (Instant.now().isAfter(nextProgress)) {
                JsonNode last = issuance.path("status").path("lastRun");
                context.out().println("forecasts: issuance catching up (history quiet: "
                        + issuance.path("status").path("historyQuiet").asBoolean() + ", last run: "
                        + (last.isMissingNode() || last.isNull() ? "none" : last.path("issued").asInt()
                        + " issued, " + last.path("trained").asInt() + " trained") + ")");
                nextProgress = Instant.now().plus(PROGRESS_EVERY);
            }
            Pause.of(POLL);
        }
    }

    private String printCounts(JsonNode issuance) {
        List<List<String>> rows = new ArrayList<>();
        long forecasts = 0;
        for (Map.Entry<String, JsonNode> e : issuance.path("forecastsByHorizon").properties()) {
            long steps = issuance.path("stepsByHorizon").path(e.getKey()).asLong();
            rows.add(List.of("D+1..D+" + e.getKey(), Long.toString(e.getValue().asLong()), Long.toString(steps)));
            forecasts += e.getValue().asLong();
        }
        context.out().println("Forecasts issued without a request, " + issuance.path("series").size()
                + " series, " + issuance.path("openForecasts").asLong() + " awaiting actuals");
        context.out().println(new TextTable(List.of("HORIZON", "FORECASTS", "STEPS"), rows).render());
        return forecasts + " forecasts issued (" + rows.stream().map(r -> r.get(0) + " " + r.get(1))
                .reduce((a, b) -> a + ", " + b).orElse("none") + ")";
    }

    /** The day-ahead forecast, then the week-ahead one, of the step's series: the latest issued of each. */
    private void printLatest() {
        List<List<String>> rows = new ArrayList<>();
        String base = null;
        for (int horizon : List.of(1, 7)) {
            URI url = context.serviceUrl(MODULE).resolve("/api/v1/forecasts/issued/latest?series="
                    + URLEncoder.encode(series, StandardCharsets.UTF_8) + "&horizon=" + horizon);
            var found = DemoHttp.findJson(context, url);
            if (found.isEmpty()) {
                continue;
            }
            JsonNode forecast = found.get();
            base = forecast.path("baseDay").asString();
            String model = forecast.path("algorithm").asString() + " v" + forecast.path("modelVersion").asString()
                    + " (h" + horizon + ")";
            for (JsonNode s : forecast.path("steps")) {
                rows.add(List.of(s.path("date").asString(), "D+" + s.path("leadDays").asInt(),
                        number(s.path("energyMwh")), range(s, "80"), range(s, "95"),
                        s.path("weatherBasis").asString().toLowerCase(Locale.ROOT), model));
            }
        }
        if (rows.isEmpty()) {
            context.out().println("No forecast issued yet for " + series);
            return;
        }
        context.out().println("Latest forecasts of " + series + " from its last complete day " + base
                + " (MWh)");
        context.out().println(new TextTable(List.of("DATE", "LEAD", "POINT", "80 %", "95 %", "WEATHER", "MODEL"), rows)
                .render());
    }

    private String printAccuracy() {
        URI url = context.serviceUrl(MODULE).resolve("/api/v1/forecasts/accuracy");
        JsonNode accuracy = DemoHttp.getJson(context, url);
        int records = accuracy.path("records").asInt();
        if (records == 0) {
            context.out().println("Realised accuracy: no issued step has its actual yet");
            return "no actuals yet";
        }
        List<List<String>> rows = new ArrayList<>();
        int seriesCount = 0;
        String previous = null;
        for (JsonNode g : accuracy.path("groups")) {
            String s = g.path("series").asString();
            seriesCount += s.equals(previous) ? 0 : 1;
            previous = s;
            if (s.equals(series)) {
                rows.add(List.of("D+1..D+" + g.path("horizonDays").asInt(), g.path("algorithm").asString(),
                        Integer.toString(g.path("count").asInt()), number(g.path("maeMwh")),
                        percent(g.path("mapePercent")), number(g.path("biasMwh")),
                        percent(g.path("coverage80Percent")), percent(g.path("coverage95Percent"))));
            }
        }
        context.out().println("Realised accuracy: " + records + " steps scored over " + seriesCount + " series; "
                + series + ":");
        context.out().println(new TextTable(List.of("HORIZON", "MODEL", "STEPS", "MAE MWh", "MAPE %", "BIAS MWh",
                "80% COVER", "95% COVER"), rows).render());
        return records + " steps scored";
    }

    /**
     * Every scored step by where its temperature came from (the weather forecast the simulation issued, the measured
     * day, or climatology), read from the accuracy index: which steps used a weather forecast, and what they missed by.
     */
    private String printByWeatherBasis() {
        String alias = context.platform().index("forecast-accuracy");
        URI url = URI.create("http://" + context.platform().host() + ":" + context.platform().port("elasticsearch")
                + "/" + alias + "/_search?ignore_unavailable=true&allow_no_indices=true");
        String query = """
                {"size": 0, "aggs": {"basis": {"terms": {"field": "weatherBasis"}, "aggs": {
                  "mae": {"avg": {"field": "absErrorMwh"}}, "inside80": {"filter": {"term": {"inside80": true}}}}}}}""";
        JsonNode answer = DemoHttp.postJson(context, url, query);
        List<List<String>> rows = new ArrayList<>();
        List<String> brief = new ArrayList<>();
        for (JsonNode bucket : answer.path("aggregations").path("basis").path("buckets")) {
            long steps = bucket.path("doc_count").asLong();
            String basis = bucket.path("key").asString().toLowerCase(Locale.ROOT);
            rows.add(List.of(basis, Long.toString(steps), number(bucket.path("mae").path("value")),
                    String.format(Locale.ROOT, "%.1f", 100.0 * bucket.path("inside80").path("doc_count").asLong()
                            / Math.max(1, steps))));
            brief.add(steps + " with " + basis + " weather");
        }
        if (!rows.isEmpty()) {
            context.out().println("Scored steps of every series by the weather they were forecast with");
            context.out().println(new TextTable(List.of("WEATHER", "STEPS", "MAE MWh", "80% COVER"), rows).render());
        }
        return String.join(", ", brief);
    }

    private static String range(JsonNode step, String level) {
        return number(step.path("lower" + level + "Mwh")) + " - " + number(step.path("upper" + level + "Mwh"));
    }

    private static String number(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%,.0f", n.asDouble()) : "-";
    }

    private static String percent(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%.1f", n.asDouble()) : "-";
    }
}

package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's "forecast beside the actual" step: what the console's consumption chart draws over a week of a series,
 * read through the gateway as the console reads it ({@code GET /api/v1/forecasts/issued/days?hours=720&horizon=7}, the
 * chart at 30 days with the 7-day horizon): for each day of the series' last 30 days and the 7 after them that a
 * forecast covers, the freshest one with its 80 % and 95 % intervals, and the realised energy once the day was scored.
 * The demo loads its data in two parts, so forecasts were issued at the end of each (the days after the first part are
 * scored, those after the second pending); the scheduler issues one every day on live data. Run after
 * {@link ForecastsStep}, whose wait for the issuance to catch up it repeats (it returns at once when caught up).
 */
final class ForecastDaysStep implements DemoStep {

    private static final String MODULE = "prediction-service";
    private static final int HOURS = 720;
    private static final int HORIZON = 7;
    /** As ForecastsStep's: the first issuance after a load trains every champion. */
    private static final Duration ISSUANCE_WAIT = Duration.ofMinutes(10);

    private final String series;
    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;

    /** {@code series}: a series id of {@link ForecastsStep} (SIMULATED or NATIONAL). */
    ForecastDaysStep(String series, PipelineDrain.Dependencies dependencies, DemoContext context) {
        this.series = series;
        this.dependencies = dependencies;
        this.context = context;
    }

    @Override
    public String name() {
        return "forecast-days";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, series, dependencies, context, () -> {
            ForecastsStep.awaitCaughtUp(context, ISSUANCE_WAIT);
            URI url = context.serviceUrl(MODULE).resolve("/api/v1/forecasts/issued/days?series="
                    + URLEncoder.encode(series, StandardCharsets.UTF_8) + "&horizon=" + HORIZON + "&hours=" + HOURS);
            JsonNode answer = DemoHttp.getJson(context, url);
            List<List<String>> rows = new ArrayList<>();
            int scored = 0;
            int inside80 = 0;
            for (JsonNode d : answer.path("days")) {
                boolean actual = d.path("actualMwh").isNumber();
                scored += actual ? 1 : 0;
                inside80 += d.path("inside80").asBoolean(false) ? 1 : 0;
                rows.add(List.of(d.path("date").asString(), "D+" + d.path("leadDays").asInt(),
                        mwh(d.path("energyMwh")), mwh(d.path("lower80Mwh")) + " - " + mwh(d.path("upper80Mwh")),
                        mwh(d.path("lower95Mwh")) + " - " + mwh(d.path("upper95Mwh")), mwh(d.path("actualMwh")),
                        actual ? String.format(Locale.ROOT, "%+.1f", 100 * d.path("errorMwh").asDouble()
                                / d.path("actualMwh").asDouble()) : "-",
                        !actual ? "pending" : d.path("inside80").asBoolean() ? "80 %"
                                : d.path("inside95").asBoolean() ? "95 %" : "outside"));
            }
            String detail = rows.size() + " days forecast, " + scored + " scored, " + inside80
                    + " inside the 80 % band";
            if (rows.isEmpty()) {
                context.out().println("No forecast covers the last 30 days of " + series);
                return DrainedRead.Reading.incomplete("no forecast day in the last 30 days of " + series, detail);
            }
            context.out().println("The last 30 days of " + answer.path("series").asString() + " and the "
                    + HORIZON + " after them beside their forecasts (freshest per day, up to D+" + HORIZON
                    + "), as the console's consumption chart draws them at 30 d and horizon " + HORIZON + " d (MWh)");
            context.out().println(new TextTable(List.of("DATE", "LEAD", "FORECAST", "80 %", "95 %", "ACTUAL",
                    "ERROR %", "ACTUAL IN"), rows).render());
            return DrainedRead.Reading.done(detail);
        });
    }

    private static String mwh(JsonNode n) {
        return n.isNumber() ? String.format(Locale.ROOT, "%,.0f", n.asDouble()) : "-";
    }
}

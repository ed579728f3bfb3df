package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's drift step: once the drift window has read the enriched stream, waits for the catch-up runs to settle,
 * then prints the watched models, the reports by status, the report(s) that found the simulator's regime shift (heat
 * wave and demand cut) with their most drifted features and recommended actions, the retraining they triggered (linked
 * by drift-service from the models topic, and the anomaly service's catalogue of drift-triggered versions), and the
 * monthly report of the shift's month.
 */
final class DriftReportStep implements DemoStep {

    private static final String MODULE = "drift-service";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Three polls span more than drift-service's catch-up interval in the local profile (10 s). */
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final int SETTLED_POLLS = 3;
    private static final int MAX_POLLS = 24;
    private static final int SHOWN_FEATURES = 3;

    private final PipelineDrain.Dependencies dependencies;
    private final DemoContext context;
    private final Duration poll;

    /** {@code dependencies}: the groups feeding the drift window and the drift index, drained before reading. */
    DriftReportStep(PipelineDrain.Dependencies dependencies, DemoContext context) {
        this(dependencies, context, POLL);
    }

    /** {@code poll}: the pause between reads of the summary while the runs settle. */
    DriftReportStep(PipelineDrain.Dependencies dependencies, DemoContext context, Duration poll) {
        this.dependencies = dependencies;
        this.context = context;
        this.poll = poll;
    }

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public List<StepResult> run() {
        return DrainedRead.run(name(), MODULE, MODULE, dependencies, context, this::read);
    }

    private DrainedRead.Reading read() {
        URI drift = context.serviceUrl(MODULE);
        JsonNode summary = settled(drift);
        var out = context.out();

        JsonNode window = summary.path("window");
        out.println("window: " + window.path("rows").asLong() + " rows, " + window.path("oldest").asString("-")
                + " .. " + window.path("newest").asString("-"));
        var watched = new ArrayList<List<String>>();
        summary.path("schedule").path("watched").forEach(m -> watched.add(List.of(m.path("modelId").asString(),
                m.path("source").asString())));
        out.println("watched models: " + watched.size());
        if (!watched.isEmpty()) {
            out.println(new TextTable(List.of("MODEL", "FROM"), watched).render());
        }
        var byStatus = new LinkedHashMap<String, Long>();
        summary.path("reportsByStatus").properties().forEach(e -> byStatus.put(e.getKey(), e.getValue().asLong()));
        out.println("reports: " + summary.path("totalReports").asLong() + " " + byStatus);

        Optional<IngestionClient.RegimeShift> shift = context.input() instanceof DemoInput.Simulator
                ? Optional.of(IngestStep.SHIFT) : Optional.empty();
        List<JsonNode> flagged = flagged(drift, shift);
        shift.ifPresent(s -> out.println("regime shift injected from " + s.from() + ": " + flagged.size()
                + " model(s) with a moderate or significant report after it"));
        int retrainings = 0;
        for (JsonNode report : flagged) {
            printReport(report);
            retrainings += report.path("retrainings").size();
        }
        List<List<String>> anomalyRetrainings = anomalyRetrainings();
        if (!anomalyRetrainings.isEmpty()) {
            out.println("anomaly-service versions trained after a drift report:");
            out.println(new TextTable(List.of("MODEL", "VERSION", "STAGE", "TRIGGER", "TRAINED ON"),
                    anomalyRetrainings).render());
        }
        YearMonth month = shift.map(s -> YearMonth.from(s.from())).orElseGet(() -> window.path("newest")
                .isString() ? YearMonth.from(Instant.parse(window.path("newest").asString()).atZone(PARIS))
                : YearMonth.now(PARIS));
        printMonthly(drift, month);

        String detail = String.format(Locale.ROOT, "%d models watched, %d reports %s, shift found by %d model(s),"
                + " %d retraining(s) linked", watched.size(), summary.path("totalReports").asLong(), byStatus,
                flagged.size(), retrainings + anomalyRetrainings.size());
        if (shift.isPresent() && flagged.isEmpty()) {
            // Runs compare data after a model's training window: a champion trained on the shifted weeks has
            // nothing later to be compared with, and no watched model means nothing was trained at all.
            return DrainedRead.Reading.incomplete("no report found the regime shift; " + detail, detail);
        }
        return DrainedRead.Reading.done(detail);
    }

    /** The summary once its report count has not moved for a few polls: the catch-up runs are done. */
    private JsonNode settled(URI drift) {
        JsonNode summary = DemoHttp.getJson(context, drift.resolve("/api/v1/drift/summary"));
        int unchanged = 0;
        for (int polls = 0; unchanged < SETTLED_POLLS && polls < MAX_POLLS; polls++) {
            Pause.of(poll);
            JsonNode next = DemoHttp.getJson(context, drift.resolve("/api/v1/drift/summary"));
            unchanged = next.path("totalReports").asLong() == summary.path("totalReports").asLong() ? unchanged + 1 : 0;
            summary = next;
        }
        return summary;
    }

    /** Per model, its first moderate or significant report whose window ends after the shift began (or any). */
    private List<JsonNode> flagged(URI drift, Optional<IngestionClient.RegimeShift> shift) {
        Instant after = shift.map(s -> s.from().atStartOfDay(PARIS).toInstant()).orElse(Instant.EPOCH);
        var reports = new ArrayList<JsonNode>();
        for (String status : List.of("MODERATE", "SIGNIFICANT")) {
            DemoHttp.getJson(context, drift.resolve("/api/v1/drift/reports?status=" + status + "&size=1000"))
                    .path("content").forEach(reports::add);
        }
        var first = new LinkedHashMap<String, JsonNode>();
        reports.stream().filter(r -> !"UPLOAD".equals(r.path("trigger").asString()))
                .filter(r -> Instant.parse(r.path("windowTo").asString()).isAfter(after))
                .sorted(Comparator.comparing((JsonNode r) -> Instant.parse(r.path("windowTo").asString()))
                        .thenComparing(r -> r.path("trigger").asString()))
                .forEach(r -> first.putIfAbsent(r.path("modelId").asString(), r));
        return List.copyOf(first.values());
    }

    private void printReport(JsonNode report) {
        var out = context.out();
        out.println();
        out.println(String.format(Locale.ROOT, "%s v%s, %s run over %s .. %s (%s): %s on %d rows",
                report.path("modelId").asString(), report.path("modelVersion").asString(),
                report.path("trigger").asString(), report.path("windowFrom").asString(),
                report.path("windowTo").asString(), report.path("scope").asString("-"),
                report.path("overallStatus").asString(), report.path("currentRows").asLong()));
        var features = new ArrayList<JsonNode>();
        report.path("features").forEach(features::add);
        features.sort(Comparator.comparingDouble((JsonNode f) -> f.path("psi").asDouble()).reversed());
        var rows = features.stream().limit(SHOWN_FEATURES).map(f -> List.of(f.path("feature").asString(),
                String.format(Locale.ROOT, "%.3f", f.path("psi").asDouble()), f.path("status").asString(),
                f.path("summary").asString())).toList();
        out.println(new TextTable(List.of("FEATURE", "PSI", "STATUS", "SUMMARY"), rows).render());
        var actions = new ArrayList<List<String>>();
        report.path("recommendedActions").forEach(a -> actions.add(List.of(a.path("action").asString(),
                a.path("target").asString(), a.path("reason").asString())));
        out.println("recommended actions:");
        out.println(new TextTable(List.of("ACTION", "TARGET", "REASON"), actions).render());
        out.println("DriftDetected published: " + report.path("eventPublished").asBoolean());
        var retrainings = new ArrayList<List<String>>();
        report.path("retrainings").forEach(t -> retrainings.add(List.of(t.path("modelId").asString(),
                t.path("version").asString(), t.path("stage").asString(), t.path("reason").asString())));
        out.println(retrainings.isEmpty() ? "retraining triggered: none announced yet"
                : "retraining triggered:\n" + new TextTable(List.of("MODEL", "VERSION", "STAGE", "REASON"),
                retrainings).render());
    }

    /** The anomaly service's catalogue of versions trained because of a drift report, when the service runs. */
    private List<List<String>> anomalyRetrainings() {
        if (context.services().unavailable("anomaly-service").isPresent()) {
            return List.of();
        }
        var rows = new ArrayList<List<String>>();
        URI models = context.serviceUrl("anomaly-service").resolve("/api/v1/anomalies/models");
        for (JsonNode model : DemoHttp.getJson(context, models)) {
            if (model.path("trigger").asString().startsWith("drift")) {
                rows.add(List.of(model.path("modelId").asString(), model.path("version").asString(),
                        model.path("stage").asString(), model.path("trigger").asString(),
                        model.path("trainingFrom").asString() + " .. " + model.path("trainingTo").asString()));
            }
        }
        return rows;
    }

    private void printMonthly(URI drift, YearMonth month) {
        JsonNode monthly = DemoHttp.getJson(context, drift.resolve("/api/v1/drift/reports/monthly?month=" + month));
        var rows = new ArrayList<List<String>>();
        for (JsonNode m : monthly.path("models")) {
            var top = new ArrayList<String>();
            m.path("topFeatures").forEach(f -> top.add(String.format(Locale.ROOT, "%s %.2f",
                    f.path("feature").asString(), f.path("maxPsi").asDouble())));
            var actions = new ArrayList<String>();
            m.path("actions").forEach(a -> actions.add(a.path("action").asString() + " x" + a.path("reports")
                    .asLong()));
            rows.add(List.of(m.path("modelId").asString(), Long.toString(m.path("runs").asLong()),
                    m.path("worstStatus").asString(), String.join(", ", top), String.join(", ", actions)));
        }
        context.out().println();
        context.out().println("monthly report " + month + ": " + monthly.path("runs").asLong() + " runs");
        if (!rows.isEmpty()) {
            context.out().println(new TextTable(List.of("MODEL", "RUNS", "WORST", "TOP FEATURES (max PSI)",
                    "ACTIONS"), rows).render());
        }
    }
}

package io.energywatch.local;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs the demo steps in order and prints their summary table; a failed step does not stop the ones after it. */
final class Demo {

    private final List<DemoStep> steps;
    private final PrintStream out;

    Demo(List<DemoStep> steps, PrintStream out) {
        this.steps = List.copyOf(steps);
        this.out = out;
    }

    /** The demo's steps in order: this is where a new step (fusion, anomalies, forecasts, drift) is added. */
    static List<DemoStep> steps(DemoContext context) {
        return List.of(
                new IngestStep(context),
                new SummaryStep("fusion", "fusion-service", "/api/v1/enriched/stats",
                        // Re-emissions after late weather change the weather counts, not the record count.
                        s -> s.path("enrichedRecords").asLong() * 1_000_003L + s.path("weatherMissingRecords").asLong(),
                        List.of("enrichedRecords", "byCarrier", "byRegion",
                        "weatherMissingRecords", "strikeRecords", "dailyAggregates", "latest"),
                        Duration.ofMinutes(5), context),
                new SummaryStep("anomalies", "anomaly-service", "/api/v1/anomalies/stats",
                        s -> s.path("total").asLong() + 1, List.of("total", "bySeverity", "byType", "byRegion",
                        "costImpactEur"), Duration.ofMinutes(3), context),
                new DetectionQualityStep(context),
                new BacktestStep(context),
                new SummaryStep("drift", "drift-service", "/api/v1/drift/summary",
                        s -> s.path("window").path("rows").asLong(), List.of("window", "totalReports",
                        "reportsByStatus", "models"), Duration.ofMinutes(2), context));
    }

    /** Returns true when no step failed. */
    boolean run() {
        var results = new ArrayList<DemoStep.StepResult>();
        for (DemoStep step : steps) {
            out.println();
            out.println("== " + step.name());
            results.addAll(step.run());
        }
        out.println();
        out.println("Demo summary");
        var rows = results.stream().map(result -> List.of(result.step(),
                result.outcome().name().toLowerCase(Locale.ROOT), result.subject(), result.detail())).toList();
        out.println(new TextTable(List.of("STEP", "RESULT", "INPUT", "DETAIL"), rows).render());
        return results.stream().noneMatch(result -> result.outcome() == DemoStep.StepResult.Outcome.FAILED);
    }
}

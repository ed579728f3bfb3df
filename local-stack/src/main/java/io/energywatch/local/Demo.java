package io.energywatch.local;

import java.io.PrintStream;
import java.nio.file.Path;
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

    /**
     * The demo's steps in order: this is where a new step (fusion, anomalies, forecasts, drift) is added. Each summary
     * names the consumer groups it waits on: the fusion's, then the one that feeds what the summary reads.
     * {@code datasets}: the public datasets folder, whose NAB series the detect step uploads.
     */
    static List<DemoStep> steps(DemoContext context, Path datasets) {
        ConsumerGroups groups = context.groups();
        PlatformConfig platform = context.platform();
        boolean real = context.input() instanceof DemoInput.Real;
        var anomalies = new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.anomalyDetector()),
                List.of(platform.index("anomalies")));
        var predictionHistory = new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.predictionHistory()),
                List.of());
        // The alert rules go in before the data, so the anomalies and drift reports it causes are notified.
        var sinks = new NotificationSinks(platform);
        return List.of(
                new ApiAccessStep(context),
                new AlertSetupStep(sinks, context),
                new IngestStep(context),
                new SummaryStep("fusion", "fusion-service", "/api/v1/enriched/stats",
                        List.of("enrichedRecords", "byCarrier", "byRegion",
                        "weatherMissingRecords", "strikeRecords", "dailyAggregates", "latest"),
                        new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.fusionIndexer()),
                                List.of(platform.index("enriched"), platform.index("daily"))), context),
                new CatalogueStep(new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.fusionIndexer()),
                        List.of(platform.index("enriched"))), context),
                new SummaryStep("anomalies", "anomaly-service", "/api/v1/anomalies/stats",
                        List.of("total", "bySeverity", "byType", "byRegion", "costImpactEur"), anomalies, context),
                real ? new SkippedStep("detection", "anomaly-service", "detection quality needs the simulator's"
                        + " labels of injected anomalies; the real datasets have none")
                        : new DetectionQualityStep(anomalies, context),
                new ForestsStep(anomalies, context),
                new DetectStep(datasets.resolve("nab"), context),
                new BacktestStep(real ? BacktestStep.Backtest.NATIONAL : BacktestStep.Backtest.SIMULATED,
                        predictionHistory, context),
                new ForecastsStep(real ? ForecastsStep.NATIONAL : ForecastsStep.SIMULATED, predictionHistory,
                        context),
                new ForecastDaysStep(real ? ForecastsStep.NATIONAL : ForecastsStep.SIMULATED, predictionHistory,
                        context),
                new DriftReportStep(new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.driftWindow()),
                        List.of(platform.index("drift"))), context),
                new CarbonStep(CarbonStep.dependencies(groups, platform), context),
                new NotificationsStep(sinks, context),
                new KibanaStep(context),
                new MetricsStep(new PipelineDrain.Dependencies(groups.all(), List.of()), context),
                new PlatformStep(new PipelineDrain.Dependencies(List.of(groups.fusion(), groups.fusionIndexer(),
                        groups.anomalyDetector(), groups.driftWindow()),
                        List.of(platform.index("enriched"), platform.index("anomalies"))), context),
                new ConsoleStep(context));
    }

    /** Returns true when every step is done or skipped: a failed or incomplete step makes the demo fail. */
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
        return results.stream().noneMatch(result -> result.outcome() == DemoStep.StepResult.Outcome.FAILED
                || result.outcome() == DemoStep.StepResult.Outcome.INCOMPLETE);
    }
}

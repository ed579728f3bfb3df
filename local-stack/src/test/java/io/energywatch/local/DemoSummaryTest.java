package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's summary table and exit status when a step could not wait for the pipeline to drain. */
class DemoSummaryTest {

    @Test
    void anIncompleteStepIsShownAsSuchWithWhatItSawAndFailsTheDemo() {
        var printed = new ByteArrayOutputStream();
        var drained = new PipelineDrain.Result(false, Duration.ofMinutes(10), Duration.ofMinutes(10),
                List.of(GroupLag.of("energywatch-fusion", 0), GroupLag.of("energywatch-fusion-indexer", 55_795)));
        DemoStep fusion = new StepStub("fusion", new DemoStep.StepResult("fusion",
                DemoStep.StepResult.Outcome.INCOMPLETE, "fusion-service",
                SummaryStep.incomplete(drained, "enrichedRecords 2146")));
        DemoStep drift = new StepStub("drift", new DemoStep.StepResult("drift", DemoStep.StepResult.Outcome.DONE,
                "drift-service", "totalReports 0"));

        boolean ok = new Demo(List.of(fusion, drift), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        assertThat(ok).isFalse();
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("fusion  incomplete  fusion-service  not drained"
                + " after 600 s, lag energywatch-fusion 0, energywatch-fusion-indexer 55,795; seen: enrichedRecords 2146");
    }

    @Test
    void doneAndSkippedStepsLetTheDemoSucceed() {
        DemoStep skipped = new SkippedStep("detection", "anomaly-service", "no labels");
        DemoStep done = new StepStub("drift", new DemoStep.StepResult("drift", DemoStep.StepResult.Outcome.DONE,
                "drift-service", "ok"));

        assertThat(new Demo(List.of(skipped, done), new PrintStream(new ByteArrayOutputStream())).run()).isTrue();
    }

    private record StepStub(String name, DemoStep.StepResult result) implements DemoStep {
        @Override
        public List<StepResult> run() {
            return List.of(result);
        }
    }
}

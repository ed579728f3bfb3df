package io.energywatch.local;

import java.util.List;

/** A demo step that does not apply to what was ingested, with the reason in the summary table. */
record SkippedStep(String name, String subject, String reason) implements DemoStep {

    @Override
    public List<StepResult> run() {
        return List.of(new StepResult(name, StepResult.Outcome.SKIPPED, subject, reason));
    }
}

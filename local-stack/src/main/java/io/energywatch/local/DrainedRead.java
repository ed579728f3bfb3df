package io.energywatch.local;

import java.util.List;
import java.util.Optional;

/**
 * The frame of a demo step that reads a service once the pipeline feeding it has drained: SKIPPED when the service is
 * not running, the drain line printed, INCOMPLETE when the drain timed out (with the lags) or the reading says so,
 * FAILED on a {@link StackException}, DONE otherwise.
 */
final class DrainedRead {

    /**
     * What a step read: its one-line detail and, when the pipeline drained but the result is not what the step waits
     * for, the whole INCOMPLETE detail.
     */
    record Reading(String detail, Optional<String> incomplete) {

        static Reading done(String detail) {
            return new Reading(detail, Optional.empty());
        }

        static Reading incomplete(String why, String detail) {
            return new Reading(detail, Optional.of(why));
        }
    }

    /** Reads and prints what the step shows, after the drain. */
    @FunctionalInterface
    interface Body {
        Reading read();
    }

    private DrainedRead() {
    }

    /** {@code subject}: the INPUT column of the step's results once the service is known to run. */
    static List<DemoStep.StepResult> run(String name, String module, String subject,
                                         PipelineDrain.Dependencies dependencies, DemoContext context, Body body) {
        var unavailable = context.services().unavailable(module);
        if (unavailable.isPresent()) {
            return List.of(new DemoStep.StepResult(name, DemoStep.StepResult.Outcome.SKIPPED, module,
                    unavailable.get()));
        }
        try {
            PipelineDrain.Result drained = context.drain().await(name, dependencies);
            context.out().println(SummaryStep.drainLine(name, drained));
            Reading reading = body.read();
            if (!drained.drained()) {
                return List.of(new DemoStep.StepResult(name, DemoStep.StepResult.Outcome.INCOMPLETE, subject,
                        SummaryStep.incomplete(drained, reading.detail())));
            }
            return List.of(reading.incomplete()
                    .map(why -> new DemoStep.StepResult(name, DemoStep.StepResult.Outcome.INCOMPLETE, subject, why))
                    .orElseGet(() -> new DemoStep.StepResult(name, DemoStep.StepResult.Outcome.DONE, subject,
                            reading.detail())));
        } catch (StackException e) {
            return List.of(new DemoStep.StepResult(name, DemoStep.StepResult.Outcome.FAILED, subject,
                    e.getMessage()));
        }
    }
}

package io.energywatch.local;

import java.util.List;
import java.util.Optional;

/**
 * One step of {@code ./energywatch demo}, run against the started platform. A step whose service is not built or
 * not healthy reports SKIPPED and the demo goes on. New steps (fusion, anomalies, forecasts, drift) are added to
 * {@link Demo#steps}.
 */
interface DemoStep {

    String name();

    /** One result per line of the summary table (an ingestion step reports one per upload). */
    List<StepResult> run();

    /** A line of the demo summary. */
    record StepResult(String step, Outcome outcome, String subject, String detail) {

        enum Outcome {
            DONE,
            SKIPPED,
            FAILED,
            /** The pipeline had not drained when the step's wait ended: its numbers are partial. */
            INCOMPLETE
        }
    }

    /** Why a service cannot serve a step ("fusion-service is not built ..."), or empty when it is healthy. */
    @FunctionalInterface
    interface ServiceAvailability {
        Optional<String> unavailable(String module);
    }
}

package io.energywatch.anomaly.models;

import io.energywatch.contracts.ModelLifecycleChanged.Stage;

import java.time.Instant;
import java.util.Map;

/** A trained version: where it is in its lifecycle and what it was trained on. */
public record TrainingResult(String modelId, String version, String group, Stage stage, String trigger,
                             Instant trainingFrom, Instant trainingTo, long trainingRows,
                             long excludedConfirmedAnomalies, double contamination, double threshold,
                             Map<String, Double> metrics) {
}

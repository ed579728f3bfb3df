package io.energywatch.prediction.models;

import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The energy and CO2 of a forecaster's training run, logged on the MLflow run that registered the version, so MLflow's
 * run comparison shows them beside the validation metrics. Only trainings carry a registered version.
 */
final class MlflowRunCarbon implements Consumer<ModelRunCompleted> {

    private final MlflowModelRegistry registry;

    MlflowRunCarbon(MlflowModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(ModelRunCompleted run) {
        if (run.kind() == RunKind.TRAINING && run.modelVersion() != null) {
            registry.logRunMetrics(run.modelId(), run.modelVersion(), metrics(run),
                    Map.of("carbon_method", run.method(), "carbon_run_id", run.runId()));
        }
    }

    static Map<String, Double> metrics(ModelRunCompleted run) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("carbon_energy_kwh", run.energyKwh());
        metrics.put("carbon_cpu_energy_kwh", run.cpuEnergyKwh());
        metrics.put("carbon_ram_energy_kwh", run.ramEnergyKwh());
        metrics.put("carbon_co2_grams", run.co2Grams());
        metrics.put("carbon_cpu_seconds", run.cpuSeconds());
        metrics.put("carbon_duration_seconds", run.durationSeconds());
        metrics.put("carbon_peak_heap_bytes", (double) run.peakHeapBytes());
        return metrics;
    }
}

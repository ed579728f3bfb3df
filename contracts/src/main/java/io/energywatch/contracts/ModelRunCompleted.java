package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Objects;

/**
 * A model run ended (training, a scoring batch, a backtest, a forecast issuance, a drift run, an ingestion job), with
 * the energy it used and the CO2 that energy emitted, measured as CodeCarbon does. Topic
 * {@code energywatch.model-runs.v1}, key: model id.
 */
public record ModelRunCompleted(
        String eventId,
        @JsonPropertyDescription("unique id of the run, chosen when it started") String runId,
        @JsonPropertyDescription("the service that ran it, e.g. anomaly-service") String service,
        @JsonPropertyDescription("the model run, or for a job without a model what the job serves, e.g. "
                + "ingestion:upload") String modelId,
        @JsonPropertyDescription("the model version, when the run used or produced one") @Nullable String modelVersion,
        RunKind kind,
        Instant startedAt,
        Instant endedAt,
        double durationSeconds,
        @JsonPropertyDescription("CPU time of the whole process during the run") double cpuSeconds,
        @JsonPropertyDescription("the JVM's heap peak during the run") long peakHeapBytes,
        @JsonPropertyDescription("rows the run read, scored or wrote") long rows,
        RunStatus status,
        @JsonPropertyDescription("the exception's class when the run failed") @Nullable String errorType,
        @Nullable String errorMessage,
        @JsonPropertyDescription("CPU energy before PUE") double cpuEnergyKwh,
        @JsonPropertyDescription("memory energy before PUE") double ramEnergyKwh,
        @JsonPropertyDescription("(CPU + memory) × PUE") double energyKwh,
        @JsonPropertyDescription("energyKwh × carbonIntensityGPerKwh") double co2Grams,
        @JsonPropertyDescription("grid carbon intensity used, gCO2eq/kWh") double carbonIntensityGPerKwh,
        double pue,
        @JsonPropertyDescription("rapl (CPU package energy counters) or cpu-time (CPU time × power per thread)")
        String method) implements EnergyWatchEvent {

    public ModelRunCompleted {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(method, "method");
        if (status == RunStatus.FAILED) {
            Objects.requireNonNull(errorType, "errorType");
        }
        eventId = eventId == null ? EventIds.of("model-run", runId) : eventId;
    }

    @Override
    public Instant eventTime() {
        return endedAt;
    }

    /** What the run did. */
    public enum RunKind {
        TRAINING, SCORING, BACKTEST, FORECAST_ISSUANCE, DRIFT_RUN, INGESTION_JOB
    }

    public enum RunStatus {
        SUCCEEDED, FAILED
    }
}

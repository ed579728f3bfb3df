package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A model version was trained, promoted, rejected or retired. Topic {@code energywatch.models.v1} (compacted), key:
 * model id; the latest record per model is its current state.
 */
public record ModelLifecycleChanged(
        String eventId,
        String modelId,
        String version,
        ModelKind kind,
        String algorithm,
        Stage stage,
        @JsonPropertyDescription("series id or series group the model serves") String scope,
        @Nullable Instant trainingFrom,
        @Nullable Instant trainingTo,
        Map<String, Double> metrics,
        @Nullable String reason,
        Instant changedAt) implements EnergyWatchEvent {

    public ModelLifecycleChanged {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(changedAt, "changedAt");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        eventId = eventId == null ? EventIds.of("model", modelId, version, stage) : eventId;
    }

    @Override
    public Instant eventTime() {
        return changedAt;
    }

    public enum ModelKind {
        ANOMALY_DETECTOR, FORECASTER
    }

    public enum Stage {
        TRAINED, PROMOTED, REJECTED, RETIRED
    }
}

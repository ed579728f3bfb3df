package io.energywatch.analytics.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The metadata of one registered model version; the artifact is fetched separately. Versions are "1", "2", … in
 * registration order.
 *
 * @param artifactSha256 hex SHA-256 of the artifact, checked when it is read back
 */
public record ModelVersion(
        String modelId,
        String version,
        String kind,
        String algorithm,
        TrainingWindow trainingWindow,
        Map<String, String> parameters,
        double threshold,
        List<FeatureProfile> featureProfiles,
        Map<String, Double> trainingMetrics,
        Instant registeredAt,
        String artifactSha256) {

    public ModelVersion {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(registeredAt, "registeredAt");
        Objects.requireNonNull(artifactSha256, "artifactSha256");
        parameters = Map.copyOf(parameters);
        featureProfiles = List.copyOf(featureProfiles);
        trainingMetrics = Map.copyOf(trainingMetrics);
    }
}

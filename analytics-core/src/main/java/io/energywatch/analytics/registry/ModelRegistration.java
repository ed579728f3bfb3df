package io.energywatch.analytics.registry;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a trainer hands to the registry: everything of a model version but its version number and registration time.
 *
 * @param kind      what the model is for, e.g. {@code anomaly} or {@code forecast}
 * @param algorithm how it was built, e.g. {@code isolation-forest}
 * @param artifact  the serialised model the scorer loads
 */
public record ModelRegistration(
        String modelId,
        String kind,
        String algorithm,
        TrainingWindow trainingWindow,
        Map<String, String> parameters,
        double threshold,
        List<FeatureProfile> featureProfiles,
        Map<String, Double> trainingMetrics,
        byte[] artifact) {

    public ModelRegistration {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(trainingWindow, "trainingWindow");
        Objects.requireNonNull(artifact, "artifact");
        if (!modelId.matches("[A-Za-z0-9._:-]+")) {
            throw new IllegalArgumentException("model id may hold letters, digits and . _ : - only: " + modelId);
        }
        parameters = Map.copyOf(parameters);
        featureProfiles = List.copyOf(featureProfiles);
        trainingMetrics = Map.copyOf(trainingMetrics);
        artifact = artifact.clone();
    }
}

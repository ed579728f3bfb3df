package io.energywatch.analytics.registry;

import java.util.List;
import java.util.Optional;

/**
 * The model registry port shared by the anomaly and prediction services: versions with their training window,
 * parameters, threshold, reference feature profiles, metrics and artifact, plus named aliases such as
 * {@code champion}. Implementations must be safe for concurrent readers.
 */
public interface ModelRegistry {

    /** The alias the services score with. */
    String CHAMPION = "champion";

    /** Stores a new version of {@code registration.modelId()} and returns it with its version number. */
    ModelVersion register(ModelRegistration registration);

    Optional<ModelVersion> get(String modelId, String version);

    /** All versions of a model, oldest first; empty for an unknown model. */
    List<ModelVersion> versions(String modelId);

    /** The artifact bytes of a version. */
    byte[] artifact(String modelId, String version);

    /** Points {@code alias} at an existing version, replacing what it pointed at. */
    void setAlias(String modelId, String alias, String version);

    Optional<ModelVersion> byAlias(String modelId, String alias);
}

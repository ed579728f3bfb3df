package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.ModelVersion;

import java.util.List;
import java.util.Optional;

/**
 * Read access to one place models live (the local registry, MLflow): which models there are, their versions and
 * aliases. The drift service never writes models.
 */
public interface ModelReader {

    /** Where the models come from, as reports and the summary name it: {@code local} or {@code mlflow}. */
    String name();

    List<String> modelIds();

    Optional<ModelVersion> get(String modelId, String version);

    Optional<ModelVersion> byAlias(String modelId, String alias);

    /** All versions, oldest first; empty for an unknown model. */
    List<ModelVersion> versions(String modelId);
}

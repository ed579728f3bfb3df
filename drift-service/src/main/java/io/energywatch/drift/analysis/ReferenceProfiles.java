package io.energywatch.drift.analysis;

import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The reference profiles of a model version, read from the registry where the trainer stored them: drift runs never
 * read training data again. Without a version the configured alias (champion) is used, else the newest version.
 */
@Component
class ReferenceProfiles {

    private final ModelRegistry registry;
    private final String alias;

    ReferenceProfiles(ModelRegistry registry, DriftProperties properties) {
        this.registry = registry;
        this.alias = properties.registry().alias();
    }

    ModelVersion version(String modelId, @Nullable String version) {
        if (version != null) {
            return registry.get(modelId, version)
                    .orElseThrow(() -> ProblemException.notFound("model version", modelId + "/" + version));
        }
        return registry.byAlias(modelId, alias).or(() -> {
            List<ModelVersion> versions = registry.versions(modelId);
            return versions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(versions.getLast());
        }).orElseThrow(() -> ProblemException.notFound("model", modelId));
    }
}

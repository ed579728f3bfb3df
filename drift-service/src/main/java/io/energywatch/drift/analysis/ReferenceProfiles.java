package io.energywatch.drift.analysis;

import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.watch.ModelReader;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference profiles of a model version, read from the registry where the trainer stored them (the local registry,
 * then MLflow): drift runs never read training data again. Without a version the configured alias (champion) is used,
 * else the newest version.
 */
@Component
class ReferenceProfiles {

    private final List<ModelReader> readers;
    private final String alias;

    ReferenceProfiles(List<ModelReader> readers, DriftProperties properties) {
        this.readers = List.copyOf(readers);
        this.alias = properties.registry().alias();
    }

    ModelVersion version(String modelId, @Nullable String version) {
        if (version != null) {
            return first(r -> r.get(modelId, version))
                    .orElseThrow(() -> ProblemException.notFound("model version", modelId + "/" + version));
        }
        return first(r -> r.byAlias(modelId, alias)).or(() -> first(r -> {
            List<ModelVersion> versions = r.versions(modelId);
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
        })).orElseThrow(() -> ProblemException.notFound("model", modelId));
    }

    private Optional<ModelVersion> first(Function<ModelReader, Optional<ModelVersion>> read) {
        for (ModelReader reader : readers) {
            var found = read.apply(reader);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

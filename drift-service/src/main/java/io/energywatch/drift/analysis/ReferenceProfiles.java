package io.energywatch.drift.analysis;

import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.watch.ModelReader;
import io.energywatch.drift.watch.WatchedModels;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference profiles of a model version, read from the registry where the trainer stored them (the local registry,
 * then MLflow): drift runs never read training data again. Without a version the configured alias (champion) is used,
 * else the newest version. Champions are read once per refresh of the watched models (on every models-topic event and
 * periodically), not on every catch-up check: a version's profiles (reservoirs of every feature) are the largest
 * thing the registry holds, and MLflow answers over HTTP.
 */
@Component
class ReferenceProfiles {

    private final List<ModelReader> readers;
    private final String alias;
    private final WatchedModels watched;
    private final Map<String, ModelVersion> champions = new HashMap<>();
    private long championsGeneration = -1;

    ReferenceProfiles(List<ModelReader> readers, DriftProperties properties, WatchedModels watched) {
        this.readers = List.copyOf(readers);
        this.alias = properties.registry().alias();
        this.watched = watched;
    }

    ModelVersion version(String modelId, @Nullable String version) {
        if (version != null) {
            return first(r -> r.get(modelId, version))
                    .orElseThrow(() -> ProblemException.notFound("model version", modelId + "/" + version));
        }
        synchronized (champions) {
            if (championsGeneration != watched.generation()) {
                champions.clear();
                championsGeneration = watched.generation();
            }
            return champions.computeIfAbsent(modelId, this::champion);
        }
    }

    private ModelVersion champion(String modelId) {
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

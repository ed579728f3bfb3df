package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;

import java.util.List;
import java.util.Optional;

/** The registry on disk the anomaly and prediction services write (in the local stack, all three share its root). */
public final class LocalModels implements ModelReader {

    private final LocalModelRegistry registry;

    public LocalModels(LocalModelRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<String> modelIds() {
        return registry.modelIds();
    }

    @Override
    public Optional<ModelVersion> get(String modelId, String version) {
        return registry.get(modelId, version);
    }

    @Override
    public Optional<ModelVersion> byAlias(String modelId, String alias) {
        return registry.byAlias(modelId, alias);
    }

    @Override
    public List<ModelVersion> versions(String modelId) {
        return registry.versions(modelId);
    }
}

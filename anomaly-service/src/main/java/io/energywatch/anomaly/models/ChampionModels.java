package io.energywatch.anomaly.models;

import io.energywatch.analytics.anomaly.forest.GroupForest;
import io.energywatch.analytics.registry.ModelRegistry;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The champion forest of each series group, loaded from the registry once and replaced when a version is promoted.
 * Detectors ask it on every row, so a promotion takes effect for existing series as well as new ones.
 */
public final class ChampionModels {

    /** A promoted forest and the registry coordinates anomalies are attributed to. */
    public record Champion(String modelId, String version, GroupForest forest) {
    }

    private final ModelRegistry registry;
    private final Map<String, Optional<Champion>> champions = new ConcurrentHashMap<>();
    /** While the stream is replayed from its start, a group has the champion the replay promotes, not the alias. */
    private volatile boolean replaying;

    public ChampionModels(ModelRegistry registry) {
        this.registry = registry;
    }

    public Optional<Champion> champion(SeriesGroup group) {
        return champions.computeIfAbsent(group.modelId(), id -> replaying ? Optional.empty() : load(id));
    }

    /**
     * Forgets every champion until {@link #replayed()}: a replay of the stream from its first record re-promotes
     * the versions the schedule trained, at the rows where they were first promoted, instead of scoring the early
     * rows with today's champion.
     */
    public void replayingFromStart() {
        replaying = true;
        champions.clear();
    }

    /** The replay is over: a group the replay never promoted a forest for loads its alias again. */
    public void replayed() {
        replaying = false;
        champions.entrySet().removeIf(e -> e.getValue().isEmpty());
    }

    /** Re-reads the champion alias of {@code modelId}, after a promotion. */
    public void refresh(String modelId) {
        champions.put(modelId, load(modelId));
    }

    private Optional<Champion> load(String modelId) {
        return registry.byAlias(modelId, ModelRegistry.CHAMPION).map(v -> new Champion(modelId, v.version(),
                GroupForest.fromBytes(registry.artifact(modelId, v.version()))));
    }
}

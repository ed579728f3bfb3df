package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.drift.config.DriftProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models drift runs watch: every model of every reader that has the champion alias (forecasters and anomaly
 * forests, in the local registry or MLflow), plus the configured {@code models}. Refreshed on a fixed delay and on each
 * {@code energywatch.models.v1} event, so a newly promoted champion is watched within seconds. A reader that fails
 * keeps the models it gave last time: MLflow being down must not stop the watching of what it holds.
 */
@Component
public class WatchedModels {

    private static final Logger log = LoggerFactory.getLogger(WatchedModels.class);

    /** A watched model and where it was found ({@code configured} for the explicit list). */
    public record Watched(String modelId, String source) {
    }

    private final List<ModelReader> readers;
    private final List<String> configured;
    private final String alias;
    private final Clock clock;
    private final Map<String, List<String>> lastFound = new LinkedHashMap<>();
    private volatile List<Watched> watched = List.of();
    private volatile Instant refreshedAt = Instant.MIN;
    private volatile long generation;

    WatchedModels(List<ModelReader> readers, DriftProperties properties, Clock clock) {
        this.readers = List.copyOf(readers);
        this.configured = properties.models();
        this.alias = properties.registry().alias();
        this.clock = clock;
    }

    /**
     * Refreshes unless a refresh started after {@code changedAt}: the registry was written before the change was
     * announced, so that refresh saw it (reading the models topic from its start costs one refresh, not one per event).
     */
    public List<Watched> refreshIfBefore(Instant changedAt) {
        return refreshedAt.isAfter(changedAt) ? watched : refresh();
    }

    public List<Watched> current() {
        return watched;
    }

    /**
     * Counts the refreshes: what was read from the registries before a refresh (a champion's version) may be stale
     * after it, and nothing read since the last one is, up to the refresh interval.
     */
    public long generation() {
        return generation;
    }

    @Scheduled(fixedDelayString = "${energywatch.drift.watch.refresh-interval}")
    public synchronized List<Watched> refresh() {
        refreshedAt = clock.instant();
        generation++;
        var found = new LinkedHashMap<String, Watched>();
        for (ModelReader reader : readers) {
            List<String> champions;
            try {
                champions = new ArrayList<>();
                for (String id : reader.modelIds()) {
                    if (reader.byAlias(id, alias).isPresent()) {
                        champions.add(id);
                    }
                }
                lastFound.put(reader.name(), List.copyOf(champions));
            } catch (ModelRegistryException e) {
                champions = lastFound.getOrDefault(reader.name(), List.of());
                log.warn("Models of {} not refreshed ({}); watching the {} found before", reader.name(),
                        e.getMessage(), champions.size());
            }
            champions.forEach(id -> found.putIfAbsent(id, new Watched(id, reader.name())));
        }
        configured.forEach(id -> found.putIfAbsent(id, new Watched(id, "configured")));
        var now = List.copyOf(found.values());
        if (!now.equals(watched)) {
            log.info("Watching {} models: {}", now.size(), now.stream().map(Watched::modelId).toList());
        }
        watched = now;
        return now;
    }
}

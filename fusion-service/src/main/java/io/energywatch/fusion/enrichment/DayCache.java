package io.energywatch.fusion.enrichment;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A per-task memo of a context by local day and area, so a record costs a map lookup instead of store reads and
 * arithmetic. It only ever holds what the stores would give (callers invalidate a day whenever its stores change), so a
 * task that starts with an empty cache computes the same records.
 */
final class DayCache<V> {

    private final Map<LocalDate, Map<String, V>> byDay;

    DayCache(int maxDays) {
        this.byDay = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<LocalDate, Map<String, V>> eldest) {
                return size() > maxDays;
            }
        };
    }

    V get(LocalDate date, String area, Supplier<V> compute) {
        Map<String, V> areas = byDay.computeIfAbsent(date, d -> new HashMap<>());
        V value = areas.get(area);
        if (value == null) {
            value = compute.get();
            areas.put(area, value);
        }
        return value;
    }

    @Nullable V peek(LocalDate date, String area) {
        Map<String, V> areas = byDay.get(date);
        return areas == null ? null : areas.get(area);
    }

    void put(LocalDate date, String area, V value) {
        byDay.computeIfAbsent(date, d -> new HashMap<>()).put(area, value);
    }

    void invalidate(LocalDate date) {
        byDay.remove(date);
    }

    void invalidate(LocalDate date, String area) {
        Map<String, V> areas = byDay.get(date);
        if (areas != null) {
            areas.remove(area);
        }
    }

    void invalidateBefore(LocalDate date) {
        byDay.keySet().removeIf(d -> d.isBefore(date));
    }
}

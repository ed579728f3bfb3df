package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which anomalies to inject, by type. The simulator injects the five single-series types; {@link AnomalyType#PEER_DEVIATION}
 * is a comparison between regions, not something one series can be given.
 */
public record AnomalySettings(Map<AnomalyType, AnomalyQuota> quotas) {

    public AnomalySettings {
        Objects.requireNonNull(quotas, "quotas");
        if (quotas.containsKey(AnomalyType.PEER_DEVIATION)) {
            throw new IllegalArgumentException("the simulator cannot inject PEER_DEVIATION anomalies");
        }
        quotas = quotas.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(quotas));
    }

    public static AnomalySettings none() {
        return new AnomalySettings(Map.of());
    }

    /** Rates that give a detector something to find without drowning the series: about 8 % of region-days touched. */
    public static AnomalySettings defaults() {
        return new AnomalySettings(Map.of(
                AnomalyType.SPIKE, new AnomalyQuota.Rate(0.5),
                AnomalyType.DROP, new AnomalyQuota.Rate(0.5),
                AnomalyType.STUCK_METER, new AnomalyQuota.Rate(0.25),
                AnomalyType.LEVEL_SHIFT, new AnomalyQuota.Rate(0.1),
                AnomalyType.GRADUAL_DRIFT, new AnomalyQuota.Rate(0.1)));
    }

    /** Exact counts per type. */
    public static AnomalySettings counts(Map<AnomalyType, Integer> counts) {
        Map<AnomalyType, AnomalyQuota> quotas = new EnumMap<>(AnomalyType.class);
        counts.forEach((type, n) -> quotas.put(type, new AnomalyQuota.Count(n)));
        return new AnomalySettings(quotas);
    }

    int countFor(AnomalyType type, int regions, long days) {
        AnomalyQuota quota = quotas.get(type);
        return quota == null ? 0 : quota.resolve(regions, days);
    }
}

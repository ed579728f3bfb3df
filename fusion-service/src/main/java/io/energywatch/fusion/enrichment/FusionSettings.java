package io.energywatch.fusion.enrichment;

import java.time.Duration;
import java.util.Objects;

/**
 * What the topology needs to know, without Spring (so tests build it for {@code TopologyTestDriver} directly).
 *
 * @param grace             stream time a local day's consumption is kept for late weather and movements
 * @param contextRetention  stream time weather and movement days are kept for late consumption
 * @param purgeInterval     stream-time period of the purge of expired days
 * @param contextPartitions partitions of the context broadcast topic: those of the consumption topic
 * @param heatingBaseC      heating degree-day base
 * @param coolingBaseC      cooling degree-day base
 * @param ceSource          CloudEvents source of the enriched records
 */
public record FusionSettings(Duration grace, Duration contextRetention, Duration purgeInterval, int contextPartitions,
                             double heatingBaseC, double coolingBaseC, String ceSource) {

    public FusionSettings {
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(contextRetention, "contextRetention");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        Objects.requireNonNull(ceSource, "ceSource");
        if (grace.isNegative() || contextRetention.isNegative() || purgeInterval.isNegative() || purgeInterval.isZero()) {
            throw new IllegalArgumentException("grace, retention and purge interval must be positive");
        }
        if (contextPartitions < 1) {
            throw new IllegalArgumentException("contextPartitions must be at least 1, was " + contextPartitions);
        }
        if (coolingBaseC < heatingBaseC) {
            throw new IllegalArgumentException("the cooling base " + coolingBaseC + " °C is below the heating base "
                    + heatingBaseC + " °C");
        }
    }
}

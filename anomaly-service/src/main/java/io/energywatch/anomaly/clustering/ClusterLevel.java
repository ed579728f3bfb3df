package io.energywatch.anomaly.clustering;

/** What is clustered: regions (INSEE region series) or meters ({@code meter-…} series). */
public enum ClusterLevel {
    REGION, METER
}

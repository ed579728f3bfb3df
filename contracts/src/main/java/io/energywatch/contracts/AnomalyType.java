package io.energywatch.contracts;

/** What kind of departure an anomaly is; each has its own recommendation. */
public enum AnomalyType {
    SPIKE, DROP, STUCK_METER, LEVEL_SHIFT, GRADUAL_DRIFT, PEER_DEVIATION
}

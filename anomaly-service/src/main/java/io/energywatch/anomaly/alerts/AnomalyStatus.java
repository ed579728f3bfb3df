package io.energywatch.anomaly.alerts;

/** Where an anomaly is in its review: new, seen, or judged by an operator. */
public enum AnomalyStatus {
    OPEN, ACKNOWLEDGED, CONFIRMED, FALSE_POSITIVE
}

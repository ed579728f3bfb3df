package io.energywatch.anomaly.notifications;

/** What a rule watches: anomalies on the anomalies topic, or drift reports on the drift topic. */
public enum RuleKind {
    ANOMALY, DRIFT
}

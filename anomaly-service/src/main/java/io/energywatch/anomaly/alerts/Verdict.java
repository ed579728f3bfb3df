package io.energywatch.anomaly.alerts;

/** An operator's judgement of an anomaly; it becomes the anomaly's status. */
public enum Verdict {
    CONFIRMED, FALSE_POSITIVE;

    AnomalyStatus status() {
        return switch (this) {
            case CONFIRMED -> AnomalyStatus.CONFIRMED;
            case FALSE_POSITIVE -> AnomalyStatus.FALSE_POSITIVE;
        };
    }
}

package io.energywatch.anomaly.notifications;

/**
 * A notification's delivery state. PENDING waits for its first attempt (or for the end of quiet hours), RETRYING for
 * the next one after a failure; SENT and DEAD (every attempt failed: the dead letter) are final, and so is SUPPRESSED,
 * the record of an alert the rule's throttle held back (its count rides on the next notification of the series).
 */
public enum DeliveryStatus {
    PENDING, RETRYING, SENT, DEAD, SUPPRESSED;

    boolean awaitsDelivery() {
        return this == PENDING || this == RETRYING;
    }
}

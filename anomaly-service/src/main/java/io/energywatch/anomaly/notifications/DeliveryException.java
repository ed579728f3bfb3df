package io.energywatch.anomaly.notifications;

/** A delivery attempt that failed: the receiver refused, timed out or could not be reached. The outbox retries it. */
class DeliveryException extends Exception {

    DeliveryException(String message) {
        super(message);
    }

    DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}

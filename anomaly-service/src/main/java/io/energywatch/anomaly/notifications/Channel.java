package io.energywatch.anomaly.notifications;

/** How a notification is delivered. */
public enum Channel {
    WEBHOOK, EMAIL
}

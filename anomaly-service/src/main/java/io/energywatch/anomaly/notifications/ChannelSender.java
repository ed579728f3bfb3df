package io.energywatch.anomaly.notifications;

/** Delivers a notification through one channel; returning means the receiver accepted it. */
interface ChannelSender {

    void send(Notification notification) throws DeliveryException;
}

package io.energywatch.anomaly.notifications;

import io.energywatch.service.web.TimeWindow;

import java.util.Map;

/**
 * Notification counts by channel and delivery status, of the notifications created in {@code window}.
 *
 * @param due  PENDING or RETRYING notifications whose next attempt is due now: the dispatcher's backlog
 * @param held PENDING or RETRYING notifications waiting for a later time (quiet hours, backoff)
 */
public record NotificationStats(TimeWindow window, long total, Map<Channel, Map<DeliveryStatus, Long>> byChannel,
                                Map<DeliveryStatus, Long> byStatus, long due, long held) {
}

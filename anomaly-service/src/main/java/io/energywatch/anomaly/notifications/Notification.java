package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.EventIds;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;

/**
 * One notification in the outbox ({@code notifications} collection): what one rule sends to one target about one
 * anomaly or drift report, with its delivery state. The id derives from (rule, source, channel, target), so an event
 * read twice produces the same notification, stored once.
 *
 * @param payload          the body as sent: JSON for a webhook, plain text for an e-mail
 * @param suppressedBefore alerts of the same rule and series the throttle held back since the previous notification
 * @param nextAttemptAt    when the dispatcher may try next: now, the end of quiet hours, or after a backoff
 * @param traceparent      the W3C trace context of the anomaly or drift record it came from, sent on as the webhook's
 *                         {@code traceparent} header, so one reading is followed from upload to notification
 */
public record Notification(
        @Id String id,
        String ruleId,
        String ruleName,
        RuleKind kind,
        String sourceId,
        String seriesKey,
        Channel channel,
        String target,
        @Nullable String secretRef,
        String subject,
        String payload,
        DeliveryStatus status,
        int attempts,
        @Nullable String lastError,
        long suppressedBefore,
        Instant createdAt,
        Instant nextAttemptAt,
        @Nullable Instant sentAt,
        Instant updatedAt,
        @Nullable String traceparent) {

    static String idOf(String ruleId, String sourceId, Channel channel, String target) {
        return EventIds.of("notification", ruleId, sourceId, channel, target);
    }
}

package io.energywatch.anomaly.notifications;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an anomaly or drift report into outbox notifications: for every enabled rule that matches, one notification
 * per webhook and e-mail recipient, due now, or at the end of the rule's quiet hours (CRITICAL anomalies excepted);
 * SUPPRESSED instead when the rule already notified the series within its throttle window, the count carried by the
 * next one that goes out.
 * <p>
 * Input is at-least-once. Notifications are inserted before the throttle state moves, and a rule that already has a
 * record for the event is skipped, so a redelivered event neither sends twice nor counts as suppressed. One consumer
 * thread per kind evaluates, so the throttle's read-then-write sees no concurrent writer.
 */
class Alerting {

    private static final Logger log = LoggerFactory.getLogger(Alerting.class);

    private final AlertRuleStore rules;
    private final NotificationStore notifications;
    private final ThrottleStore throttles;
    private final JsonMapper json;
    private final ZoneId zone;
    private final Duration maxEventAge;
    private final Clock clock;

    Alerting(AlertRuleStore rules, NotificationStore notifications, ThrottleStore throttles, JsonMapper json,
             ZoneId zone, Duration maxEventAge, Clock clock) {
        this.rules = rules;
        this.notifications = notifications;
        this.throttles = throttles;
        this.json = json;
        this.zone = zone;
        this.maxEventAge = maxEventAge;
        this.clock = clock;
    }

    /** Records the notifications the alert raises; returns how many new records (sent or suppressed) it made. */
    int evaluate(Alert alert) {
        Instant now = clock.instant();
        if (alert.detectedAt().isBefore(now.minus(maxEventAge))) {
            return 0;
        }
        int recorded = 0;
        for (AlertRule rule : rules.enabled(alert.kind())) {
            if (!alert.matchedBy(rule) || notifications.existsFor(rule.id(), alert.sourceId())) {
                continue;
            }
            ThrottleState throttle = throttles.get(rule.id(), alert.seriesKey());
            boolean allowed = throttle.allows(alert.detectedAt(), rule.throttle());
            Instant due = rule.quietHours() == null || alert.bypassesQuietHours() ? now
                    : rule.quietHours().endAfter(now, zone);
            DeliveryStatus status = allowed ? DeliveryStatus.PENDING : DeliveryStatus.SUPPRESSED;
            long carried = allowed ? throttle.suppressed() : 0;
            List<Notification> batch = new ArrayList<>();
            for (WebhookTarget webhook : rule.webhooks()) {
                batch.add(notification(rule, alert, Channel.WEBHOOK, webhook.url(), webhook.secretRef(), status,
                        carried, now, due));
            }
            for (String email : rule.emails()) {
                batch.add(notification(rule, alert, Channel.EMAIL, email, null, status, carried, now, due));
            }
            recorded += notifications.insertIfAbsent(batch);
            if (allowed) {
                throttles.notified(rule.id(), alert.seriesKey(), alert.detectedAt());
            } else {
                throttles.suppressed(rule.id(), alert.seriesKey());
            }
            log.debug("Rule {} on {}: {} ({} records, due {})", rule.name(), alert.sourceId(), status, batch.size(),
                    due);
        }
        return recorded;
    }

    private Notification notification(AlertRule rule, Alert alert, Channel channel, String target,
                                      String secretRef, DeliveryStatus status, long carried, Instant now,
                                      Instant due) {
        String id = Notification.idOf(rule.id(), alert.sourceId(), channel, target);
        String text = alert.traceparent() == null ? alert.text()
                : alert.text() + "trace: " + alert.traceparent() + System.lineSeparator();
        String payload = channel == Channel.WEBHOOK ? webhookBody(id, rule, alert, carried)
                : carried == 0 ? text
                : text + "%d similar alert(s) of this rule on %s were held back by its throttle since the previous one.%n"
                        .formatted(carried, alert.seriesKey());
        return new Notification(id, rule.id(), rule.name(), alert.kind(), alert.sourceId(), alert.seriesKey(),
                channel, target, secretRef, alert.subject(), payload, status, 0, null, carried, now, due, null, now,
                alert.traceparent());
    }

    private String webhookBody(String id, AlertRule rule, Alert alert, long carried) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notificationId", id);
        body.put("ruleId", rule.id());
        body.put("ruleName", rule.name());
        body.put("kind", alert.kind());
        body.put("sourceId", alert.sourceId());
        body.put("seriesKey", alert.seriesKey());
        body.put("subject", alert.subject());
        body.put("suppressedSinceLast", carried);
        body.put("event", alert.event());
        return json.writeValueAsString(body);
    }
}

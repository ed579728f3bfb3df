package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A stored alert rule. An ANOMALY rule matches anomalies at or above {@code minSeverity} whose region, carrier and type
 * are in its sets (an empty set matches any); a DRIFT rule matches drift reports at or above {@code minDriftStatus}
 * (MODERATE at least). Both are held in quiet hours, throttled per series and sent to every webhook and e-mail
 * recipient.
 *
 * @param throttle at most one notification per rule and series within this window; zero turns throttling off
 */
public record AlertRule(
        String id,
        String name,
        boolean enabled,
        RuleKind kind,
        Severity minSeverity,
        DriftStatus minDriftStatus,
        Set<String> regions,
        Set<Carrier> carriers,
        Set<AnomalyType> types,
        @Nullable QuietHours quietHours,
        Duration throttle,
        List<WebhookTarget> webhooks,
        List<String> emails,
        Instant createdAt,
        Instant updatedAt) {

    public AlertRule {
        regions = regions == null ? Set.of() : Set.copyOf(regions);
        carriers = carriers == null ? Set.of() : Set.copyOf(carriers);
        types = types == null ? Set.of() : Set.copyOf(types);
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}

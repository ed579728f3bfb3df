package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.Severity;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Rule management: the checks a request passes before it becomes a stored rule, and the store behind them. */
class AlertRules {

    /** Regions an anomaly is counted under besides the INSEE codes (as in the anomaly list's region filter). */
    private static final Set<String> NON_REGIONS = Set.of(AnomalyDocument.NATIONAL, AnomalyDocument.UNASSIGNED);

    private final AlertRuleStore store;
    private final Set<String> secretRefs;
    private final Duration defaultThrottle;
    private final Clock clock;

    AlertRules(AlertRuleStore store, Set<String> secretRefs, Duration defaultThrottle, Clock clock) {
        this.store = store;
        this.secretRefs = Set.copyOf(secretRefs);
        this.defaultThrottle = defaultThrottle;
        this.clock = clock;
    }

    List<AlertRule> all() {
        return store.all();
    }

    Optional<AlertRule> find(String id) {
        return store.find(id);
    }

    AlertRule create(AlertRuleRequest request) {
        Instant now = clock.instant();
        AlertRule rule = toRule(UUID.randomUUID().toString(), request, now, now);
        store.save(rule);
        return rule;
    }

    AlertRule replace(String id, AlertRuleRequest request) {
        AlertRule existing = store.find(id).orElseThrow(() -> ProblemException.notFound("alert rule", id));
        AlertRule rule = toRule(id, request, existing.createdAt(), clock.instant());
        store.save(rule);
        return rule;
    }

    void delete(String id) {
        if (!store.delete(id)) {
            throw ProblemException.notFound("alert rule", id);
        }
    }

    private AlertRule toRule(String id, AlertRuleRequest r, Instant createdAt, Instant updatedAt) {
        List<ProblemError> errors = new ArrayList<>();
        RuleKind kind = r.kind() == null ? RuleKind.ANOMALY : r.kind();
        DriftStatus minDrift = r.minDriftStatus() == null ? DriftStatus.MODERATE : r.minDriftStatus();
        if (minDrift.compareTo(DriftStatus.MODERATE) < 0) {
            errors.add(ProblemError.field("minDriftStatus", minDrift, "must be MODERATE or SIGNIFICANT"));
        }
        if (kind == RuleKind.DRIFT) {
            anomalyOnly(errors, "minSeverity", r.minSeverity() == null ? null : Set.of(r.minSeverity()));
            anomalyOnly(errors, "regions", r.regions());
            anomalyOnly(errors, "carriers", r.carriers());
            anomalyOnly(errors, "types", r.types());
        }
        if (r.regions() != null) {
            r.regions().stream().filter(code -> !NON_REGIONS.contains(code) && Regions.byCode(code).isEmpty())
                    .sorted().forEach(code -> errors.add(ProblemError.field("regions", code,
                            "not an INSEE region code, FR or unassigned")));
        }
        if (r.quietHours() != null && r.quietHours().start() != null
                && r.quietHours().start().equals(r.quietHours().end())) {
            errors.add(ProblemError.field("quietHours", r.quietHours().start() + "-" + r.quietHours().end(),
                    "start and end must differ"));
        }
        if (r.throttle() != null && r.throttle().isNegative()) {
            errors.add(ProblemError.field("throttle", r.throttle(), "must be zero (off) or positive"));
        }
        List<WebhookTarget> webhooks = r.webhooks() == null ? List.of() : r.webhooks();
        for (int i = 0; i < webhooks.size(); i++) {
            if (!secretRefs.contains(webhooks.get(i).secretRef())) {
                errors.add(ProblemError.field("webhooks[" + i + "].secretRef", webhooks.get(i).secretRef(),
                        "no secret is configured under this reference"));
            }
        }
        List<String> emails = r.emails() == null ? List.of() : r.emails();
        if (webhooks.isEmpty() && emails.isEmpty()) {
            errors.add(ProblemError.field("webhooks", null, "a rule needs at least one webhook or e-mail recipient"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-request", errors.size() + " field(s) are invalid", errors);
        }
        return new AlertRule(id, r.name().strip(), r.enabled() == null || r.enabled(), kind,
                r.minSeverity() == null ? Severity.LOW : r.minSeverity(), minDrift, r.regions(), r.carriers(),
                r.types(), r.quietHours(), r.throttle() == null ? defaultThrottle : r.throttle(), webhooks,
                emails.stream().map(String::strip).toList(), createdAt, updatedAt);
    }

    private static void anomalyOnly(List<ProblemError> errors, String field, @Nullable Collection<?> value) {
        if (value != null && !value.isEmpty()) {
            errors.add(ProblemError.field(field, value, "applies to ANOMALY rules only"));
        }
    }
}

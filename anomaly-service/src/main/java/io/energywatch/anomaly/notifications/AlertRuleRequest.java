package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The body of a rule's create (POST) and replace (PUT). Omitted fields take defaults: enabled, kind ANOMALY, minimum
 * severity LOW, minimum drift status MODERATE, the configured throttle, no quiet hours, any region, carrier and type.
 * Cross-field checks (a channel is required, known regions and secret references, MODERATE or worse for drift) are
 * {@link AlertRules}' job, so every failure names its field.
 */
public record AlertRuleRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable Boolean enabled,
        @Nullable RuleKind kind,
        @Nullable Severity minSeverity,
        @Nullable DriftStatus minDriftStatus,
        @Nullable @Size(max = 50) Set<@NotBlank String> regions,
        @Nullable Set<Carrier> carriers,
        @Nullable Set<AnomalyType> types,
        @Valid @Nullable QuietHours quietHours,
        @Nullable Duration throttle,
        @Nullable @Size(max = 20) List<@Valid WebhookTarget> webhooks,
        @Nullable @Size(max = 50) List<@NotBlank @Email String> emails) {
}

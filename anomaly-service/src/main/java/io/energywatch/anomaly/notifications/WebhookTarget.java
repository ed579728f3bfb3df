package io.energywatch.anomaly.notifications;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A webhook a rule posts to: its URL and the reference of the HMAC secret in the service's configuration
 * ({@code energywatch.anomaly.notifications.webhook.secrets}); the secret itself is never stored with the rule.
 */
public record WebhookTarget(
        @NotBlank @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @NotBlank @Size(max = 100) String secretRef) {
}

package io.energywatch.anomaly.notifications;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The webhook signature: {@code sha256=} and the hex HMAC-SHA256 of {@code "<timestamp>.<body>"} under the rule's
 * secret. The timestamp (epoch seconds, sent as {@code X-EnergyWatch-Timestamp}) is signed too, so a receiver that
 * rejects old timestamps is safe from replays.
 */
public final class WebhookSignature {

    public static final String TIMESTAMP_HEADER = "X-EnergyWatch-Timestamp";
    public static final String SIGNATURE_HEADER = "X-EnergyWatch-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}

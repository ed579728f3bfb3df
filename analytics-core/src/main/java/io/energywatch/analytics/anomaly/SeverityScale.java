package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Cut points on the calibrated score [0, 1]. A score at or above {@code threshold} is an anomaly; the severity is the
 * highest cut point it reaches. Both the streaming score and the forest score put their alarm level at 0.5, so the
 * default threshold means "as unusual as the alarm level of whichever model fired": MEDIUM is about 1.5 times that
 * distance, HIGH about 2.4 times, CRITICAL about 4.4 times (robust z of 7.6, 11.9 and 21.8 with the default alarm
 * z of 5).
 */
public record SeverityScale(double threshold, double medium, double high, double critical) {

    public static final SeverityScale DEFAULT = new SeverityScale(0.5, 0.7, 0.85, 0.95);

    public SeverityScale {
        if (!(0 < threshold && threshold < medium && medium < high && high < critical && critical <= 1)) {
            throw new IllegalArgumentException("cut points must rise strictly within (0, 1]: "
                    + threshold + ", " + medium + ", " + high + ", " + critical);
        }
    }

    /** The severity of a calibrated score, or null when the score is below the anomaly threshold. */
    public @Nullable Severity severityOf(double score) {
        if (score >= critical) {
            return Severity.CRITICAL;
        }
        if (score >= high) {
            return Severity.HIGH;
        }
        if (score >= medium) {
            return Severity.MEDIUM;
        }
        return score >= threshold ? Severity.LOW : null;
    }
}

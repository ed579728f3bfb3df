package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The detector's verdict on one observation. Every observation gets one, anomalous or not; severity, type and
 * recommendation are set only for anomalies. The expected value and range are NaN while the detector warms up.
 *
 * @param score          calibrated score in [0, 1], the larger of the streaming and forest scores; rows inside an
 *                       already reported episode score lower unless it escalates (see {@link DetectorConfig})
 * @param strength       how far the row is from its expectation on the same calibrated scale, without the episode
 *                       damping: what a chart of "how abnormal is it now" should show
 * @param streamingScore the streaming detector's own calibrated score
 * @param forestScore    the group forest's calibrated score, NaN without a forest or in warm-up
 * @param features       the features the score was computed from
 */
public record Detection(
        Instant timestamp,
        @Nullable Double value,
        double score,
        double strength,
        boolean anomaly,
        @Nullable Severity severity,
        @Nullable AnomalyType type,
        double expected,
        double expectedLow,
        double expectedHigh,
        List<FeatureContribution> contributions,
        @Nullable String recommendation,
        boolean warmingUp,
        double streamingScore,
        double forestScore,
        FeatureFrame features) {

    public Detection {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score " + score + " is outside 0..1");
        }
        contributions = List.copyOf(contributions);
    }
}

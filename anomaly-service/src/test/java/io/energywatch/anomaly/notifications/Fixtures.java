package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Hand-written events and rules for the alerting tests. */
final class Fixtures {

    private Fixtures() {
    }

    static AnomalyDetected anomaly(String seriesId, @Nullable String region, Instant intervalStart, Severity severity,
                                   AnomalyType type, Instant detectedAt) {
        String id = "an-" + seriesId + "-" + intervalStart;
        return new AnomalyDetected(null, id, seriesId, region, intervalStart, intervalStart.plusSeconds(1800), 950.0,
                700.0, 650.0, 750.0, 0.9, severity, type, List.of(), "check the meter", 1200.0, "streaming", "1",
                detectedAt);
    }

    static DriftDetected drift(String reportId, DriftStatus status, Instant detectedAt) {
        return new DriftDetected(null, reportId, "anomaly-forest.electricity.regional.PT30M", "3",
                detectedAt.minus(Duration.ofDays(7)), detectedAt, status, "HOLM",
                List.of(new DriftDetected.FeatureDrift("temperatureC", 0.31, 0.2, 0.001, 0.002, status,
                        "warmer than the reference")), detectedAt);
    }

    static AlertRule anomalyRule(String id, Severity min, Set<String> regions, @Nullable QuietHours quiet,
                                 Duration throttle) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new AlertRule(id, "rule " + id, true, RuleKind.ANOMALY, min, DriftStatus.MODERATE, regions, Set.of(),
                Set.of(), quiet, throttle, List.of(new WebhookTarget("http://127.0.0.1:1/hook", "it")),
                List.of("ops@example.org"), t, t);
    }
}

package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Severity;
import io.energywatch.contracts.EnergyWatchEvent;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Locale;

/**
 * An anomaly or a drift report as the rules see it: what they filter on, the series the throttle counts per, and the
 * texts a notification carries.
 *
 * @param sourceId  the anomaly id or the drift report id
 * @param seriesKey the series id of an anomaly, {@code model:<model id>} for a drift report
 * @param region    an anomaly's region code, {@code FR} for a national series, {@code unassigned} for a meter without
 *                  one (the anomaly list's region values)
 */
record Alert(RuleKind kind, String sourceId, String seriesKey, Instant detectedAt, @Nullable Severity severity,
             @Nullable DriftStatus driftStatus, @Nullable String region, @Nullable Carrier carrier,
             @Nullable AnomalyType type, String subject, String text, EnergyWatchEvent event,
             @Nullable String traceparent) {

    static Alert of(AnomalyDetected a) {
        SeriesId series = parsed(a.seriesId());
        String region = a.regionCode() != null ? a.regionCode()
                : series != null && series.isNational() ? AnomalyDocument.NATIONAL : AnomalyDocument.UNASSIGNED;
        String subject = "[EnergyWatch] %s %s on %s at %s".formatted(a.severity(), a.type(), a.seriesId(),
                a.intervalStart());
        String text = """
                %s %s anomaly on %s (region %s)
                interval: %s to %s
                observed: %s MW, expected: %.1f MW (%.1f to %.1f)
                score: %.3f
                cost impact: %s EUR
                recommendation: %s
                model: %s v%s
                anomaly id: %s, detected at %s
                """.formatted(a.severity(), a.type().name().toLowerCase(Locale.ROOT), a.seriesId(), region,
                a.intervalStart(), a.intervalEnd(), a.observedMw() == null ? "missing" : "%.1f".formatted(a.observedMw()),
                a.expectedMw(), a.expectedLowMw(), a.expectedHighMw(), a.score(),
                a.costImpactEur() == null ? "n/a" : "%.0f".formatted(a.costImpactEur()), a.recommendation(),
                a.modelId(), a.modelVersion(), a.anomalyId(), a.detectedAt());
        return new Alert(RuleKind.ANOMALY, a.anomalyId(), a.seriesId(), a.detectedAt(), a.severity(), null, region,
                series == null ? null : series.carrier(), a.type(), subject, text, a, null);
    }

    /** The series id, or null for one the platform would not produce: such an anomaly matches no carrier filter. */
    private static @Nullable SeriesId parsed(String seriesId) {
        try {
            return SeriesId.parse(seriesId);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Alert of(DriftDetected d) {
        String subject = "[EnergyWatch] %s drift of %s v%s".formatted(d.overallStatus(), d.modelId(), d.modelVersion());
        StringBuilder text = new StringBuilder("""
                %s drift of model %s v%s
                window: %s to %s
                report id: %s, detected at %s
                features:
                """.formatted(d.overallStatus(), d.modelId(), d.modelVersion(), d.windowFrom(), d.windowTo(),
                d.reportId(), d.detectedAt()));
        d.features().forEach(f -> text.append("  %s: %s (PSI %.3f) %s%n".formatted(f.feature(), f.status(), f.psi(),
                f.summary())));
        return new Alert(RuleKind.DRIFT, d.reportId(), "model:" + d.modelId(), d.detectedAt(), null,
                d.overallStatus(), null, null, null, subject, text.toString(), d, null);
    }

    /** The alert with the trace context of the record it was read from (its {@code traceparent} header). */
    Alert tracedBy(@Nullable String traceparent) {
        return new Alert(kind, sourceId, seriesKey, detectedAt, severity, driftStatus, region, carrier, type, subject,
                text, event, traceparent);
    }

    /** Whether the rule selects this alert (its kind, threshold and sets; an empty set matches any value). */
    boolean matchedBy(AlertRule rule) {
        if (rule.kind() != kind) {
            return false;
        }
        return switch (kind) {
            case DRIFT -> driftStatus != null && driftStatus.compareTo(rule.minDriftStatus()) >= 0;
            case ANOMALY -> severity != null && severity.compareTo(rule.minSeverity()) >= 0
                    && (rule.regions().isEmpty() || rule.regions().contains(region))
                    && (rule.carriers().isEmpty() || rule.carriers().contains(carrier))
                    && (rule.types().isEmpty() || rule.types().contains(type));
        };
    }

    /** CRITICAL anomalies are sent at once even in quiet hours; everything else waits for their end. */
    boolean bypassesQuietHours() {
        return severity == Severity.CRITICAL;
    }
}

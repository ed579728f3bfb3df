package io.energywatch.anomaly.alerts;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyDetected.FeatureContribution;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.EventIds;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Severity;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.List;

/**
 * An anomaly as stored in MongoDB {@code anomalies} (keyed by its deterministic id) and indexed in Elasticsearch: the
 * event plus its review status and who set it last.
 */
public record AnomalyDocument(
        @Id String anomalyId,
        String seriesId,
        @Nullable String regionCode,
        String region,
        Instant intervalStart,
        Instant intervalEnd,
        @Nullable Double observedMw,
        double expectedMw,
        double expectedLowMw,
        double expectedHighMw,
        double score,
        Severity severity,
        AnomalyType type,
        List<FeatureContribution> contributions,
        String recommendation,
        @Nullable Double costImpactEur,
        String modelId,
        String modelVersion,
        Instant detectedAt,
        AnomalyStatus status,
        Instant statusChangedAt,
        @Nullable String statusChangedBy) {

    /** The region a national series' anomalies are counted under. */
    public static final String NATIONAL = "FR";
    /** The region of a meter or site whose region is not known. */
    public static final String UNASSIGNED = "unassigned";

    /** The deterministic id of the anomaly of a series at an interval start, so redelivery is idempotent. */
    public static String idOf(String seriesId, Instant intervalStart) {
        return EventIds.of("anomaly", seriesId, intervalStart);
    }

    public static AnomalyDocument open(AnomalyDetected a) {
        return new AnomalyDocument(a.anomalyId(), a.seriesId(), a.regionCode(), regionOf(a), a.intervalStart(),
                a.intervalEnd(),
                a.observedMw(), a.expectedMw(), a.expectedLowMw(), a.expectedHighMw(), a.score(), a.severity(), a.type(),
                a.contributions(), a.recommendation(), a.costImpactEur(), a.modelId(), a.modelVersion(), a.detectedAt(),
                AnomalyStatus.OPEN, a.detectedAt(), null);
    }

    /**
     * The region an anomaly is counted under: its region code, {@code FR} for a national series, and
     * {@code unassigned} for a meter or site whose region is not known.
     */
    static String regionOf(AnomalyDetected a) {
        if (a.regionCode() != null) {
            return a.regionCode();
        }
        return SeriesId.parse(a.seriesId()).isNational() ? NATIONAL : UNASSIGNED;
    }

    /** @param by the subject of the caller's token */
    AnomalyDocument withStatus(AnomalyStatus newStatus, Instant at, String by) {
        return new AnomalyDocument(anomalyId, seriesId, regionCode, region, intervalStart, intervalEnd, observedMw, expectedMw,
                expectedLowMw, expectedHighMw, score, severity, type, contributions, recommendation, costImpactEur,
                modelId, modelVersion, detectedAt, newStatus, at, by);
    }
}

package io.energywatch.anomaly.alerts;

import io.energywatch.service.web.TimeWindow;

import java.util.List;
import java.util.Map;

/**
 * What {@code GET /api/v1/anomalies/stats} answers (and {@code ./energywatch demo} prints): counts by severity, region,
 * type and status, the cost impact of open and confirmed anomalies, and precision per model version from feedback,
 * of the anomalies starting in {@code window}.
 */
public record AnomalyStats(
        TimeWindow window,
        long total,
        Map<String, Long> bySeverity,
        Map<String, Long> byRegion,
        Map<String, Long> byType,
        Map<String, Long> byStatus,
        double costImpactEur,
        List<ModelPrecision> precision) {

    /** confirmed / (confirmed + falsePositives) of one model version; null until it has a verdict. */
    public record ModelPrecision(String modelId, String modelVersion, long confirmed, long falsePositives,
                                 Double precision) {
    }
}

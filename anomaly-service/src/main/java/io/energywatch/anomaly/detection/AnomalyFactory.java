package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.Detection;
import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;

import java.time.Duration;
import java.time.Instant;

/**
 * Turns a detection of an enriched event into an {@link AnomalyDetected}: the deterministic id of series and interval
 * start, and the cost impact, |observed − expected| MW over the interval's hours (MWh) times the price per MWh.
 */
final class AnomalyFactory {

    private final double pricePerMwhEur;

    AnomalyFactory(double pricePerMwhEur) {
        this.pricePerMwhEur = pricePerMwhEur;
    }

    AnomalyDetected anomaly(ConsumptionEnriched event, Detection d, String modelId, String modelVersion,
                            Instant detectedAt) {
        var m = event.measurement();
        return new AnomalyDetected(null, AnomalyDocument.idOf(m.seriesId(), m.intervalStart()), m.seriesId(),
                m.regionCode(), m.intervalStart(), m.intervalEnd(), m.powerMw(), d.expected(), d.expectedLow(),
                d.expectedHigh(), d.score(), d.severity(), d.type(), d.contributions(), d.recommendation(),
                costImpactEur(m.powerMw(), d.expected(), m.intervalStart(), m.intervalEnd()), modelId, modelVersion,
                detectedAt);
    }

    /** Energy of the deviation (MWh) times the price; null when nothing was observed. */
    Double costImpactEur(Double observedMw, double expectedMw, Instant start, Instant end) {
        if (observedMw == null || !Double.isFinite(expectedMw)) {
            return null;
        }
        double hours = Duration.between(start, end).toSeconds() / 3600.0;
        double eur = Math.abs(observedMw - expectedMw) * hours * pricePerMwhEur;
        return Math.round(eur * 100) / 100.0;
    }
}

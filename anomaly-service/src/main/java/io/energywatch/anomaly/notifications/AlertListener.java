package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Anomalies and drift reports in, each topic with its own consumer group; the rules decide what becomes a
 * notification. A record's offset is committed once its notifications are in the outbox (an evaluation that fails, with
 * MongoDB down, is retried until it passes).
 */
class AlertListener {

    private final Alerting alerting;

    AlertListener(Alerting alerting) {
        this.alerting = alerting;
    }

    @KafkaListener(id = "anomaly-alerts", topics = "#{T(io.energywatch.contracts.Topics).ANOMALIES.name()}",
            containerFactory = NotificationsConfiguration.ANOMALY_CONTAINER_FACTORY)
    void onAnomaly(AnomalyDetected anomaly) {
        if (anomaly != null) {
            alerting.evaluate(Alert.of(anomaly));
        }
    }

    /** The drift topic carries MODERATE and SIGNIFICANT reports; anything milder is not an alert. */
    @KafkaListener(id = "drift-alerts", topics = "#{T(io.energywatch.contracts.Topics).DRIFT.name()}",
            containerFactory = NotificationsConfiguration.DRIFT_CONTAINER_FACTORY)
    void onDrift(DriftDetected drift) {
        if (drift != null && drift.overallStatus().compareTo(DriftStatus.MODERATE) >= 0) {
            alerting.evaluate(Alert.of(drift));
        }
    }
}

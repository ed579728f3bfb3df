package io.energywatch.anomaly.notifications;

import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;

import java.nio.charset.StandardCharsets;

/**
 * Anomalies and drift reports in, each topic with its own consumer group; the rules decide what becomes a
 * notification. A record's offset is committed once its notifications are in the outbox (an evaluation that fails, with
 * MongoDB down, is retried until it passes).
 */
class AlertListener {

    static final String TRACEPARENT = "traceparent";

    private final Alerting alerting;

    AlertListener(Alerting alerting) {
        this.alerting = alerting;
    }

    @KafkaListener(id = "anomaly-alerts", topics = "#{T(io.energywatch.contracts.Topics).ANOMALIES.name()}",
            containerFactory = NotificationsConfiguration.ANOMALY_CONTAINER_FACTORY)
    void onAnomaly(ConsumerRecord<String, @Nullable AnomalyDetected> record) {
        AnomalyDetected anomaly = record.value();
        if (anomaly != null) {
            alerting.evaluate(Alert.of(anomaly).tracedBy(traceparent(record)));
        }
    }

    /** The drift topic carries MODERATE and SIGNIFICANT reports; anything milder is not an alert. */
    @KafkaListener(id = "drift-alerts", topics = "#{T(io.energywatch.contracts.Topics).DRIFT.name()}",
            containerFactory = NotificationsConfiguration.DRIFT_CONTAINER_FACTORY)
    void onDrift(ConsumerRecord<String, @Nullable DriftDetected> record) {
        DriftDetected drift = record.value();
        if (drift != null && drift.overallStatus().compareTo(DriftStatus.MODERATE) >= 0) {
            alerting.evaluate(Alert.of(drift).tracedBy(traceparent(record)));
        }
    }

    /** The record's W3C trace context as its producer sent it, so the notification names the reading's trace. */
    private static @Nullable String traceparent(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}

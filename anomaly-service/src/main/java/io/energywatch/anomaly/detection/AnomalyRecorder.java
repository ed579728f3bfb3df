package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.anomaly.alerts.AnomalyIndex;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes a batch's anomalies to MongoDB, Elasticsearch and {@code energywatch.anomalies.v1}, returning only when all
 * three acknowledged: the listener's offsets are committed after that. The stores ignore anomalies they already hold;
 * the topic may receive a redelivered anomaly twice, with the same event id, for consumers to deduplicate.
 */
final class AnomalyRecorder {

    private final AnomalyStore store;
    private final AnomalyIndex index;
    private final EventPublisher publisher;
    private final Duration publishTimeout;

    AnomalyRecorder(AnomalyStore store, AnomalyIndex index, EventPublisher publisher, Duration publishTimeout) {
        this.store = store;
        this.index = index;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
    }

    void record(List<AnomalyDetected> anomalies) throws IOException {
        if (anomalies.isEmpty()) {
            return;
        }
        List<AnomalyDocument> documents = anomalies.stream().map(AnomalyDocument::open).toList();
        store.insertIfAbsent(documents);
        index.createIfAbsent(documents);
        List<CompletableFuture<?>> acks = new ArrayList<>(anomalies.size());
        for (AnomalyDetected a : anomalies) {
            acks.add(publisher.publish(Topics.ANOMALIES, a.seriesId(), a));
        }
        publisher.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("anomalies not acknowledged by " + Topics.ANOMALIES.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while publishing anomalies", e);
        }
    }
}

package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.alerts.AnomalyDocument;
import io.energywatch.anomaly.alerts.AnomalyIndex;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.observability.EnergyWatchMeters;
import io.energywatch.service.observability.EnergyWatchMeters.Direction;
import io.energywatch.service.observability.TraceContinuation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

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
    private final TraceContinuation traces;
    private final MeterRegistry meters;
    private final Counter published;

    AnomalyRecorder(AnomalyStore store, AnomalyIndex index, EventPublisher publisher, Duration publishTimeout,
                    TraceContinuation traces, MeterRegistry meters) {
        this.store = store;
        this.index = index;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.traces = traces;
        this.meters = meters;
        this.published = EnergyWatchMeters.records(meters, Topics.ANOMALIES.name(), Direction.OUT);
    }

    void record(List<AnomalyDetected> anomalies) throws IOException {
        record(anomalies, a -> new RecordHeaders());
    }

    /**
     * @param traceOf the headers of the record each anomaly was detected in: its anomaly record continues that trace
     */
    void record(List<AnomalyDetected> anomalies, Function<AnomalyDetected, Headers> traceOf) throws IOException {
        if (anomalies.isEmpty()) {
            return;
        }
        List<AnomalyDocument> documents = anomalies.stream().map(AnomalyDocument::open).toList();
        store.insertIfAbsent(documents);
        index.createIfAbsent(documents);
        List<CompletableFuture<?>> acks = new ArrayList<>(anomalies.size());
        for (AnomalyDetected a : anomalies) {
            acks.add(traces.continueFrom(traceOf.apply(a), "energywatch.anomaly.detected",
                    () -> publisher.publish(Topics.ANOMALIES, a.seriesId(), a)));
            Counter.builder(EnergyWatchMeters.ANOMALIES).description("anomalies detected per severity and type")
                    .tag("severity", a.severity().name()).tag("type", a.type().name()).register(meters).increment();
            published.increment();
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

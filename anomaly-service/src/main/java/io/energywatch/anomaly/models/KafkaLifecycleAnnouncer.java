package io.energywatch.anomaly.models;

import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.Topics;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreCheck;
import io.energywatch.service.stores.StoreUnavailableException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Lifecycle events on {@code energywatch.models.v1}, each acknowledged within the publish timeout. */
final class KafkaLifecycleAnnouncer implements LifecycleAnnouncer {

    private final EventPublisher publisher;
    private final StoreCheck kafka;
    private final Duration publishTimeout;

    KafkaLifecycleAnnouncer(EventPublisher publisher, StoreCheck kafka, Duration publishTimeout) {
        this.publisher = publisher;
        this.kafka = kafka;
        this.publishTimeout = publishTimeout;
    }

    @Override
    public void ensureReachable() {
        // Every version is announced: with Kafka unreachable, train nothing rather than register a version nobody
        // hears of. The answer is a 503 naming Kafka, within the check's timeout.
        kafka.probe().ifPresent(failure -> {
            throw new StoreUnavailableException(failure, null);
        });
    }

    @Override
    public void announce(ModelLifecycleChanged event) {
        try {
            publisher.publish(Topics.MODELS, event.modelId(), event).get(publishTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Kafka went away between the check and the send: the version is registered, its event is not published.
            throw StoreUnavailableException.of(Store.KAFKA, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.energywatch.service.stores;

import org.apache.kafka.common.errors.RetriableException;

import java.util.Optional;

/**
 * Kafka client exceptions: the retriable ones (timeouts waiting for metadata or acknowledgements, lost connections,
 * no leader) are the cluster being unreachable or not ready; loaded only when the Kafka client is present.
 */
final class KafkaFailures {

    private KafkaFailures() {
    }

    static Optional<StoreFailure> unavailable(Throwable t) {
        if (t instanceof RetriableException
                || StoreFailures.isA(t, "org.apache.kafka.common.errors.BrokerNotAvailableException")) {
            return Optional.of(StoreFailure.unavailable(Store.KAFKA, StoreFailures.describe(t)));
        }
        return Optional.empty();
    }
}

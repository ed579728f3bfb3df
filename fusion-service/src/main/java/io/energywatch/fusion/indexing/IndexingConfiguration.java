package io.energywatch.fusion.indexing;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.fusion.config.FusionProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;


/**
 * The sink's listener container: batches of {@code bulk-size} records, offsets committed after the listener returned
 * (so after Elasticsearch acknowledged), and a failed batch retried with exponential backoff for as long as it takes:
 * Elasticsearch being down must delay indexing, never drop records.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

    static final String LISTENER_ID = "enriched-indexer";
    static final String CONTAINER_FACTORY = "enrichedIndexingContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedIndexingContainerFactory(
            KafkaProperties kafka, FusionProperties properties) {
        var indexing = properties.indexing();
        var factory = EventListeners.factory(kafka, ConsumptionEnriched.class, indexing.groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, indexing.bulkSize());
        factory.setConcurrency(indexing.concurrency());
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(indexing.initialBackoff(),
                indexing.maxBackoff()));
        return factory;
    }
}

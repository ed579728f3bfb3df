package io.energywatch.fusion.indexing;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.fusion.config.FusionProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ContainerProperties;

import java.time.Clock;


/**
 * The sink's listener container: batches of {@code bulk-size} records, offsets committed after the listener returned
 * (so after Elasticsearch acknowledged), and a failed batch retried with exponential backoff for as long as it takes:
 * Elasticsearch being down must delay indexing, never drop records.
 */
@Configuration(proxyBeanMethods = false)
class IndexingConfiguration {

    static final String LISTENER_ID = "enriched-indexer";
    static final String CONTAINER_FACTORY = "enrichedIndexingContainerFactory";

    /** When indexed batches started waiting for their daily documents (EnrichedSink). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedIndexingContainerFactory(
            KafkaProperties kafka, FusionProperties properties) {
        var indexing = properties.indexing();
        var factory = EventListeners.factory(kafka, ConsumptionEnriched.class, indexing.groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, indexing.bulkSize());
        factory.setConcurrency(indexing.concurrency());
        // Offsets are committed by the sink once a batch's daily documents are recomputed (EnrichedSink), and an idle
        // container tells it to recompute what a last full batch left pending.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setIdleEventInterval(indexing.dailyDelay().toMillis());
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(indexing.initialBackoff(),
                indexing.maxBackoff()));
        return factory;
    }
}

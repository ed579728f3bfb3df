package io.energywatch.fusion.indexing;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.EventSerde;
import io.energywatch.fusion.config.FusionProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

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
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, indexing.groupId());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, indexing.bulkSize());
        var values = new ErrorHandlingDeserializer<>(EventSerde.of(ConsumptionEnriched.class, "unused"));
        var consumers = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values);

        var factory = new ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched>();
        factory.setConsumerFactory(consumers);
        factory.setBatchListener(true);
        factory.setConcurrency(indexing.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        var backOff = new ExponentialBackOff(indexing.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(indexing.maxBackoff().toMillis());
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}

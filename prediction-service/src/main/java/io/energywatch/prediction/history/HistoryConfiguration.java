package io.energywatch.prediction.history;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.EventSerde;
import io.energywatch.prediction.config.PredictionProperties;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/** The daily history store and the enriched-stream listener's container. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    static final String ENRICHED_CONTAINER_FACTORY = "predictionEnrichedContainerFactory";

    @Bean
    DailyHistory dailyHistory(MongoTemplate mongo, PredictionProperties properties) {
        return new MongoDailyHistory(mongo, properties.history().collection(), properties.zone());
    }

    @Bean(ENRICHED_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.history().groupId());
        // The history is rebuilt from the topic's start: a new deployment learns from everything retained.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ErrorHandlingDeserializer<>(EventSerde.of(ConsumptionEnriched.class, "unused"));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // A store that is down delays the history, never drops from it: retries back off but do not give up.
        var backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(60_000);
        factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
        return factory;
    }
}

package io.energywatch.prediction.history;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.prediction.config.PredictionProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

import java.time.Clock;
import java.time.Duration;

/** The daily history store and the enriched-stream listener's container. */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    static final String ENRICHED_CONTAINER_FACTORY = "predictionEnrichedContainerFactory";

    @Bean
    DailyHistory dailyHistory(MongoTemplate mongo, PredictionProperties properties) {
        return new MongoDailyHistory(mongo, properties.history().collection(), properties.zone());
    }

    @Bean
    HistoryActivity historyActivity() {
        return new HistoryActivity(Clock.systemUTC());
    }

    @Bean(ENRICHED_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionEnriched> enrichedContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        // The history is rebuilt from the topic's start: a new deployment learns from everything retained.
        var factory = EventListeners.factory(kafka, ConsumptionEnriched.class, properties.history().groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH,
                properties.history().batchSize());
        // A store that is down delays the history, never drops from it: retries back off but do not give up. A batch
        // is written again whole; its upserts set the same values, so that changes nothing.
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        return factory;
    }
}

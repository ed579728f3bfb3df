package io.energywatch.prediction.indexing;

import io.energywatch.service.kafka.EventListeners;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.prediction.config.PredictionProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The forecasts topic's Elasticsearch sink: the topic is the record of what was forecast, the index its dashboard view.
 * Offsets are committed once Elasticsearch acknowledged a batch; a failure is retried with backoff, without end, so an
 * Elasticsearch outage delays the view and loses nothing.
 */
@Configuration(proxyBeanMethods = false)
class ForecastIndexing {

    static final String CONTAINER_FACTORY = "forecastIndexingContainerFactory";

    @Bean
    ForecastIndex forecastIndex(ElasticsearchClient client, PredictionProperties properties) {
        return new ForecastIndex(client, properties.indices().forecasts());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ConsumptionForecast> forecastIndexingContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        var factory = EventListeners.factory(kafka, ConsumptionForecast.class, properties.indices().groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, 0);
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofMillis(500),
                Duration.ofSeconds(30)));
        return factory;
    }

    @Component
    static class Listener {

        private final ForecastIndex index;

        Listener(ForecastIndex index) {
            this.index = index;
        }

        @KafkaListener(id = "prediction-forecast-indexing",
                topics = "#{T(io.energywatch.contracts.Topics).FORECASTS.name()}",
                containerFactory = CONTAINER_FACTORY)
        void onForecasts(List<ConsumptionForecast> steps) throws IOException {
            index.index(steps.stream().filter(Objects::nonNull).toList());
        }
    }
}

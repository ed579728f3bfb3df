package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.service.kafka.EventListeners;
import java.time.Duration;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * The models topic's Elasticsearch sink for forecaster training runs, built as the forecasts sink is: offsets are
 * committed once Elasticsearch acknowledged a batch, failures are retried with backoff without end, so an outage delays
 * the dashboard and loses nothing. The registry adds what the events do not carry (parameters, trigger, row count).
 */
@Configuration(proxyBeanMethods = false)
class ModelRunIndexing {

    static final String CONTAINER_FACTORY = "modelRunIndexingContainerFactory";

    @Bean
    ModelRunIndex modelRunIndex(ElasticsearchClient client, ModelRegistry registry, PredictionProperties properties) {
        return new ModelRunIndex(client, registry, properties.indices().modelRuns(), properties.zone());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ModelLifecycleChanged> modelRunIndexingContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        var factory = EventListeners.factory(kafka, ModelLifecycleChanged.class,
                properties.indices().modelRunsGroupId(), EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH,
                0);
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofMillis(500),
                Duration.ofSeconds(30)));
        return factory;
    }

    @Component
    static class Listener {

        private final ModelRunIndex index;

        Listener(ModelRunIndex index) {
            this.index = index;
        }

        @KafkaListener(id = "prediction-model-run-indexing",
                topics = "#{T(io.energywatch.contracts.Topics).MODELS.name()}",
                containerFactory = CONTAINER_FACTORY)
        void onModelEvents(List<ModelLifecycleChanged> events) throws IOException {
            index.index(events.stream().filter(Objects::nonNull).toList());
        }
    }
}

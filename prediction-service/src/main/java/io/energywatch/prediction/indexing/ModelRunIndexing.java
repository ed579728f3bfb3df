package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelRunCompleted;
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
 * The model-run topic's sink, the same way: every service's measured runs, with their energy and CO2.
 */
@Configuration(proxyBeanMethods = false)
class ModelRunIndexing {

    static final String CONTAINER_FACTORY = "modelRunIndexingContainerFactory";
    static final String COMPLETED_RUNS_CONTAINER_FACTORY = "completedRunIndexingContainerFactory";

    @Bean
    ModelRunIndex modelRunIndex(ElasticsearchClient client, ModelRegistry registry, PredictionProperties properties) {
        return new ModelRunIndex(client, registry, properties.indices().modelRuns(), properties.zone());
    }

    @Bean
    CompletedRunIndex completedRunIndex(ElasticsearchClient client, PredictionProperties properties) {
        return new CompletedRunIndex(client, properties.indices().modelRuns(), properties.zone());
    }

    @Bean(COMPLETED_RUNS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ModelRunCompleted> completedRunIndexingContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        var factory = EventListeners.factory(kafka, ModelRunCompleted.class, properties.carbon().groupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH, 0);
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofMillis(500),
                Duration.ofSeconds(30)));
        return factory;
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

    @Component
    static class CompletedRunListener {

        private final CompletedRunIndex index;

        CompletedRunListener(CompletedRunIndex index) {
            this.index = index;
        }

        @KafkaListener(id = "prediction-completed-run-indexing",
                topics = "#{T(io.energywatch.contracts.Topics).MODEL_RUNS.name()}",
                containerFactory = COMPLETED_RUNS_CONTAINER_FACTORY)
        void onRuns(List<ModelRunCompleted> runs) throws IOException {
            index.index(runs.stream().filter(Objects::nonNull).toList());
        }
    }
}

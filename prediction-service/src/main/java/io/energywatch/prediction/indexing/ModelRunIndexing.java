package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.service.kafka.EventListeners;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.stereotype.Component;

/**
 * The models topic's Elasticsearch sink for forecaster training runs, built as the forecasts sink is: offsets are
 * committed once Elasticsearch acknowledged a batch, failures are retried with backoff without end, so an outage delays
 * the dashboard and loses nothing. The registry adds what the events do not carry (parameters, trigger, row count).
 * The model-run topic's sink, the same way: every service's measured runs, with their energy and CO2, priced with the
 * grid's measured intensity of their hour when the grid intensity topic brought it.
 */
@Configuration(proxyBeanMethods = false)
class ModelRunIndexing {

    static final String CONTAINER_FACTORY = "modelRunIndexingContainerFactory";
    static final String COMPLETED_RUNS_CONTAINER_FACTORY = "completedRunIndexingContainerFactory";

    @Bean
    ModelRunIndex modelRunIndex(ElasticsearchClient client, ModelRegistry registry, PredictionProperties properties) {
        return new ModelRunIndex(client, registry, properties.indices().modelRuns(), properties.zone());
    }

    static final String GRID_INTENSITY_CONTAINER_FACTORY = "gridIntensityContainerFactory";

    @Bean
    GridIntensities gridIntensities(MongoTemplate mongo, PredictionProperties properties) {
        return new GridIntensities(mongo, properties.carbon().intensityCollection());
    }

    @Bean
    CompletedRunIndex completedRunIndex(ElasticsearchClient client, GridIntensities intensities,
                                        PredictionProperties properties) {
        return new CompletedRunIndex(client, properties.indices().modelRuns(), properties.zone(), intensities,
                properties.carbon().gridArea());
    }

    @Bean(GRID_INTENSITY_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, GridCarbonIntensityMeasured> gridIntensityContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        // Every hour the topic retains is kept: a new deployment prices runs with what ingestion published before.
        var factory = EventListeners.factory(kafka, GridCarbonIntensityMeasured.class,
                properties.carbon().intensityGroupId(), EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH,
                properties.carbon().intensityBatchSize());
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofMillis(500),
                Duration.ofSeconds(30)));
        return factory;
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

    /** Keeps the grid's measured intensity per hour, then re-prices the runs already indexed in those hours. */
    @Component
    static class GridIntensityListener {

        private final GridIntensities intensities;
        private final CompletedRunIndex index;
        private final String gridArea;

        GridIntensityListener(GridIntensities intensities, CompletedRunIndex index, PredictionProperties properties) {
            this.intensities = intensities;
            this.index = index;
            this.gridArea = properties.carbon().gridArea();
        }

        @KafkaListener(id = "prediction-grid-intensity",
                topics = "#{T(io.energywatch.contracts.Topics).GRID_CARBON_INTENSITY.name()}",
                containerFactory = GRID_INTENSITY_CONTAINER_FACTORY)
        void onIntensities(List<GridCarbonIntensityMeasured> batch) throws IOException {
            var kept = intensities.save(batch.stream().filter(Objects::nonNull).toList());
            Map<Instant, Double> hours = new HashMap<>();
            kept.forEach((key, g) -> {
                if (key.area().equals(gridArea)) {
                    hours.put(key.hourStart(), g);
                }
            });
            index.reprice(hours);
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

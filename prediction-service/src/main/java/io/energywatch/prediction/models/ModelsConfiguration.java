package io.energywatch.prediction.models;

import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventListeners;
import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.service.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The registry (MLflow when a tracking URI is set, the local registry otherwise), the engine and the trainer; with
 * MLflow, each training run's energy and CO2 are logged on its MLflow run.
 */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    static final String DRIFT_CONTAINER_FACTORY = "predictionDriftContainerFactory";

    @Bean
    ModelRegistry modelRegistry(PredictionProperties properties) {
        var models = properties.models();
        if (models.mlflowTrackingUri() != null && !models.mlflowTrackingUri().isBlank()) {
            return new MlflowModelRegistry(models.mlflowTrackingUri(), models.mlflowExperiment(),
                    models.mlflowTimeout(), Clock.systemUTC());
        }
        return new LocalModelRegistry(models.registryDir());
    }

    @Bean
    ForecastEngine forecastEngine(PredictionProperties properties) {
        return new ForecastEngine(properties.engine().settings());
    }

    @Bean
    ForecasterTrainer forecasterTrainer(DailyHistory history, ForecastEngine engine, ModelRegistry registry,
                                        EventPublisher publisher, PredictionProperties properties,
                                        ModelRuns modelRuns) {
        var forecast = properties.forecast();
        var candidates = forecast.algorithms().stream()
                .map(id -> Algorithm.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                        "energywatch.prediction.forecast.algorithms: unknown algorithm " + id)))
                .toList();
        if (registry instanceof MlflowModelRegistry mlflow) {
            modelRuns.addListener(new MlflowRunCarbon(mlflow));
        }
        return new ForecasterTrainer(history, engine, registry, publisher, candidates, forecast.minTrainingDays(),
                forecast.promotionWindowDays(), properties.zone(), Clock.systemUTC(), modelRuns);
    }

    @Bean(DRIFT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DriftDetected> driftContainerFactory(KafkaProperties kafka,
                                                                                       PredictionProperties properties) {
        var factory = EventListeners.factory(kafka, DriftDetected.class, properties.models().driftGroupId(),
                EventListeners.Start.LATEST, EventListeners.Delivery.RECORD, 0);
        // A failed retraining is retried twice, then left to the next drift report: drift keeps being reported.
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5_000, 2)));
        return factory;
    }
}

package io.energywatch.prediction.models;

import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.EventSerde;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.service.kafka.EventPublisher;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

/** The registry (MLflow when a tracking URI is set, the local registry otherwise), the engine and the trainer. */
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
                                        EventPublisher publisher, PredictionProperties properties) {
        var forecast = properties.forecast();
        var candidates = forecast.algorithms().stream()
                .map(id -> Algorithm.fromId(id).orElseThrow(() -> new IllegalArgumentException(
                        "energywatch.prediction.forecast.algorithms: unknown algorithm " + id)))
                .toList();
        return new ForecasterTrainer(history, engine, registry, publisher, candidates, forecast.minTrainingDays(),
                forecast.promotionWindowDays(), properties.zone(), Clock.systemUTC());
    }

    @Bean(DRIFT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DriftDetected> driftContainerFactory(KafkaProperties kafka,
                                                                                       PredictionProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.models().driftGroupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ErrorHandlingDeserializer<>(EventSerde.of(DriftDetected.class, "unused"));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, DriftDetected>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), values));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        // A failed retraining is retried twice, then left to the next drift report: drift keeps being reported.
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5_000, 2)));
        return factory;
    }
}

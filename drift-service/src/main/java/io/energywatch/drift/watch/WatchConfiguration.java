package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.service.kafka.EventListeners;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The model readers, local registry first (its versions win when a model id is in both), MLflow when a tracking URI
 * is set; and the models topic's listener container. A new group reads the compacted topic from its start, so the
 * retrainings announced while the service was away are still linked to their reports.
 */
@Configuration(proxyBeanMethods = false)
class WatchConfiguration {

    static final String MODELS_CONTAINER_FACTORY = "driftModelsContainerFactory";

    @Bean
    @Order(1)
    ModelReader localModels(DriftProperties properties) {
        return new LocalModels(new LocalModelRegistry(properties.registry().root()));
    }

    @Bean
    @Order(2)
    @ConditionalOnExpression(
            "!'${energywatch.drift.watch.mlflow.tracking-uri:}'.isBlank()")
    ModelReader mlflowModels(DriftProperties properties) {
        var mlflow = properties.watch().mlflow();
        return new MlflowModels(mlflow.trackingUri(), mlflow.timeout(), mlflow.pageSize());
    }

    @Bean(MODELS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, ModelLifecycleChanged> driftModelsContainerFactory(
            KafkaProperties kafka, DriftProperties properties) {
        var factory = EventListeners.factory(kafka, ModelLifecycleChanged.class, properties.watch().modelsGroupId(),
                EventListeners.Start.EARLIEST, EventListeners.Delivery.RECORD, 0);
        // An unreadable event is not retried: the periodic refresh reads the registries themselves, and the event's
        // link to a report is lost only for that event (logged by the handler).
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(0, 0)));
        return factory;
    }
}

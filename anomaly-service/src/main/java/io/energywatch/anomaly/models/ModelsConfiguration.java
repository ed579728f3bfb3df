package io.energywatch.anomaly.models;

import io.energywatch.service.kafka.EventListeners;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.anomaly.alerts.AnomalyStatus;
import io.energywatch.anomaly.alerts.AnomalyStore;
import io.energywatch.anomaly.config.AnomalyProperties;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.service.stores.KafkaClusterCheck;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** The model side's wiring: the local registry, champions, frame history, trainer and the drift listener's container. */
@Configuration(proxyBeanMethods = false)
class ModelsConfiguration {

    static final String DRIFT_CONTAINER_FACTORY = "driftContainerFactory";

    @Bean
    ModelRegistry modelRegistry(AnomalyProperties properties) {
        return new LocalModelRegistry(properties.models().registryDir());
    }

    @Bean
    ChampionModels championModels(ModelRegistry registry) {
        return new ChampionModels(registry);
    }

    @Bean
    FrameHistory frameHistory(AnomalyProperties properties) {
        return new FrameHistory(properties.models().framesPerGroup());
    }

    /** Operators' verdicts from the anomaly store, as training and the models list read them. */
    @Bean
    TrainingFeedback trainingFeedback(AnomalyStore anomalies) {
        return new TrainingFeedback() {
            @Override
            public Set<String> confirmedAnomalyIds(Set<String> seriesIds, Instant from, Instant to) {
                return anomalies.confirmedAnomalyIds(seriesIds, from, to);
            }

            @Override
            public Map<AnomalyStatus, Long> verdicts(String modelId, String version) {
                return anomalies.verdicts(modelId, version);
            }
        };
    }

    @Bean
    ModelTrainer modelTrainer(FrameHistory frames, ModelRegistry registry, ChampionModels champions,
                              TrainingFeedback feedback, EventPublisher publisher, KafkaClusterCheck kafka,
                              AnomalyProperties properties, ModelRuns modelRuns) {
        var models = properties.models();
        return new ModelTrainer(frames, registry, champions, feedback,
                new KafkaLifecycleAnnouncer(publisher, kafka, models.publishTimeout()),
                new ThresholdPolicy(models.contamination(), models.minContamination()), models.minTrainingFrames(),
                models.trainingWindow(), Clock.systemUTC(), modelRuns);
    }

    @Bean
    ForestSchedule forestSchedule(ModelTrainer trainer, ModelCatalog catalog, AnomalyProperties properties) {
        var models = properties.models();
        return new ForestSchedule(trainer, catalog::add, models.minHistory(), models.retrainEvery());
    }

    @Bean(DRIFT_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, DriftDetected> driftContainerFactory(KafkaProperties kafka,
                                                                                       AnomalyProperties properties) {
        var factory = EventListeners.factory(kafka, DriftDetected.class, properties.models().driftGroupId(),
                EventListeners.Start.LATEST, EventListeners.Delivery.RECORD, 0);
        // A retraining that fails is tried three more times, then skipped: the next drift report or schedule retries.
        factory.setCommonErrorHandler(new DefaultErrorHandler(new FixedBackOff(5_000, 3)));
        return factory;
    }
}

package io.energywatch.anomaly.models;

import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.DriftDetected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Drift reports in: drift of one of this service's group forests trains a challenger on the recent window. Reports of
 * other services' models, and unreadable ones (null values), are not ours to act on.
 */
@Component
class DriftListener {

    private static final Logger log = LoggerFactory.getLogger(DriftListener.class);
    private static final String PREFIX = "anomaly-forest.";

    private final ModelTrainer trainer;
    private final ModelRegistry registry;
    private final ModelCatalog catalog;

    DriftListener(ModelTrainer trainer, ModelRegistry registry, ModelCatalog catalog) {
        this.trainer = trainer;
        this.registry = registry;
        this.catalog = catalog;
    }

    @KafkaListener(id = "anomaly-drift", topics = "#{T(io.energywatch.contracts.Topics).DRIFT.name()}",
            containerFactory = ModelsConfiguration.DRIFT_CONTAINER_FACTORY)
    void onDrift(DriftDetected drift) {
        if (drift == null || !drift.modelId().startsWith(PREFIX) || registry.versions(drift.modelId()).isEmpty()) {
            return;
        }
        String[] parts = drift.modelId().substring(PREFIX.length()).split("\\.", -1);
        if (parts.length != 3) {
            return;
        }
        var result = trainer.trainRecent(new SeriesGroup(parts[0], parts[1], parts[2]),
                "drift " + drift.reportId() + " (" + drift.overallStatus() + ")", false);
        catalog.add(result);
        log.info("Challenger {} v{} trained after drift report {}", result.modelId(), result.version(),
                drift.reportId());
    }
}

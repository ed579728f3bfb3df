package io.energywatch.prediction.models;

import io.energywatch.contracts.DriftDetected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Retrains a forecaster whose inputs drifted; the new version competes with the champion as any other does. */
@Component
class DriftRetraining {

    private static final Logger log = LoggerFactory.getLogger(DriftRetraining.class);

    private final ForecasterTrainer trainer;

    DriftRetraining(ForecasterTrainer trainer) {
        this.trainer = trainer;
    }

    @KafkaListener(id = "prediction-drift", topics = "#{T(io.energywatch.contracts.Topics).DRIFT.name()}",
            containerFactory = ModelsConfiguration.DRIFT_CONTAINER_FACTORY)
    void onDrift(DriftDetected drift) {
        if (drift == null) {
            return;
        }
        var key = ForecastModelIds.parse(drift.modelId());
        // Drift of another service's model, or of a forecaster this registry never held, is not ours to act on.
        if (key.isEmpty() || !trainer.hasVersions(drift.modelId())) {
            return;
        }
        var trained = trainer.train(key.get().dailySeriesId(), key.get().horizonDays(), TrainingTrigger.DRIFT,
                "drift report " + drift.reportId() + " (" + drift.overallStatus() + ")");
        log.info("Forecaster {} v{} retrained after drift report {}; champion: {}", drift.modelId(),
                trained.version().version(), drift.reportId(), trained.champion());
    }
}

package io.energywatch.anomaly.models;

import io.energywatch.service.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scheduled retraining: every group that has a champion gets a new version over the recent window, with the feedback
 * gathered since; it is promoted at once (the trainer's policy makes it stricter where operators saw false positives).
 */
@Component
class ModelScheduler {

    private static final Logger log = LoggerFactory.getLogger(ModelScheduler.class);

    private final ModelTrainer trainer;
    private final FrameHistory frames;
    private final ChampionModels champions;
    private final ModelCatalog catalog;

    ModelScheduler(ModelTrainer trainer, FrameHistory frames, ChampionModels champions, ModelCatalog catalog) {
        this.trainer = trainer;
        this.frames = frames;
        this.champions = champions;
        this.catalog = catalog;
    }

    @Scheduled(cron = "${energywatch.anomaly.models.retrain-cron}")
    void retrain() {
        for (SeriesGroup group : frames.groups()) {
            if (champions.champion(group).isEmpty()) {
                continue;
            }
            try {
                var result = trainer.trainRecent(group, "scheduled", true);
                catalog.add(result);
                log.info("Scheduled retraining of {}: version {} promoted", result.modelId(), result.version());
            } catch (ProblemException notEnoughData) {
                log.info("Scheduled retraining of {} skipped: {}", group, notEnoughData.getMessage());
            }
        }
    }
}

package io.energywatch.prediction.models;

import io.energywatch.prediction.history.DailyHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.energywatch.prediction.config.PredictionProperties;

/**
 * Retrains, on a schedule, every forecaster that has a champion, on the history it has now: the new version is
 * promoted only if it beats the champion on the same backtest window (the trainer's rule), so a schedule never makes
 * forecasts worse.
 */
@Component
public class ScheduledRetraining {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRetraining.class);
    private final ForecasterTrainer trainer;
    private final DailyHistory history;
    private final int maxHorizonDays;

    ScheduledRetraining(ForecasterTrainer trainer, DailyHistory history, PredictionProperties properties) {
        this.trainer = trainer;
        this.history = history;
        this.maxHorizonDays = properties.forecast().maxHorizonDays();
    }

    @Scheduled(cron = "${energywatch.prediction.models.retraining-cron}", zone = "${energywatch.prediction.zone}")
    void retrainChampions() {
        int retrained = retrain();
        log.info("scheduled retraining: {} forecasters retrained", retrained);
    }

    /** Retrains each (series, horizon) that has a champion; returns how many. */
    public int retrain() {
        int count = 0;
        for (String series : history.seriesIds()) {
            // Forecasters exist per requested horizon (ForecastModelIds): look for a champion at each.
            for (int horizon = 1; horizon <= maxHorizonDays; horizon++) {
                if (trainer.champion(series, horizon).isPresent()) {
                    var trained = trainer.train(series, horizon, TrainingTrigger.SCHEDULE, "scheduled retraining");
                    log.info("forecaster {} h{} retrained as v{}; champion: {}", series, horizon,
                            trained.version().version(), trained.champion());
                    count++;
                }
            }
        }
        return count;
    }
}

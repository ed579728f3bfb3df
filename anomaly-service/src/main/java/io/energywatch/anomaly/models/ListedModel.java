package io.energywatch.anomaly.models;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.energywatch.anomaly.alerts.AnomalyStatus;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * A registered forest version as the models list shows it: its training (window, rows, metrics) and what operators
 * said of the anomalies attributed to it.
 *
 * @param champion whether the version is its group's champion now
 */
public record ListedModel(@JsonUnwrapped TrainingResult training, boolean champion, FeedbackPrecision feedback) {

    /**
     * @param precision confirmed / (confirmed + false positives); null before any verdict
     */
    public record FeedbackPrecision(long confirmed, long falsePositives, @Nullable Double precision) {

        static FeedbackPrecision of(Map<AnomalyStatus, Long> verdicts) {
            long confirmed = verdicts.getOrDefault(AnomalyStatus.CONFIRMED, 0L);
            long falsePositives = verdicts.getOrDefault(AnomalyStatus.FALSE_POSITIVE, 0L);
            long judged = confirmed + falsePositives;
            return new FeedbackPrecision(confirmed, falsePositives, judged == 0 ? null : confirmed / (double) judged);
        }
    }
}

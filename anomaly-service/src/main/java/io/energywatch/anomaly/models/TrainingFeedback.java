package io.energywatch.anomaly.models;

import io.energywatch.anomaly.alerts.AnomalyStatus;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** What operators said about anomalies, as training needs it: confirmed incidents and verdicts per model version. */
public interface TrainingFeedback {

    /** No feedback at all: the offline evaluations, which have labels instead of operators. */
    TrainingFeedback NONE = new TrainingFeedback() {
        @Override
        public Set<String> confirmedAnomalyIds(Set<String> seriesIds, Instant from, Instant to) {
            return Set.of();
        }

        @Override
        public Map<AnomalyStatus, Long> verdicts(String modelId, String version) {
            return Map.of();
        }
    };

    /** Ids of the confirmed anomalies of {@code seriesIds} in [from, to): left out of a training window. */
    Set<String> confirmedAnomalyIds(Set<String> seriesIds, Instant from, Instant to);

    /** CONFIRMED and FALSE_POSITIVE counts of the anomalies attributed to a model version. */
    Map<AnomalyStatus, Long> verdicts(String modelId, String version);
}

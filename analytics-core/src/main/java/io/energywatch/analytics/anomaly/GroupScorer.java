package io.energywatch.analytics.anomaly;

/**
 * A model trained on a group of series that scores a feature frame on the same calibrated scale as the streaming
 * detector: [0, 1], with its anomaly threshold at 0.5.
 */
@FunctionalInterface
public interface GroupScorer {

    double calibratedScore(FeatureFrame frame);
}

package io.energywatch.analytics.anomaly.forest;

import io.energywatch.analytics.anomaly.Feature;

import java.util.List;
import java.util.Objects;

/**
 * Tunables of a group forest.
 *
 * @param trees          number of isolation trees
 * @param subsampleSize  rows per tree (Smile takes a fraction; the trainer converts)
 * @param maxDepth       depth limit; 0 means Smile's default, log2 of the subsample size
 * @param contamination  expected share of anomalies in the reference window: sets the threshold
 * @param features       the frame columns the forest sees; scale-free ones, so one forest fits a group of series
 * @param profileBins    quantile bins of each feature's reference profile (the drift PSI convention is 10)
 * @param reservoirSize  rows kept in each feature profile's reservoir sample (for KS tests)
 * @param seed           seed of the reservoir sampling
 */
public record ForestConfig(int trees, int subsampleSize, int maxDepth, double contamination, List<Feature> features,
                           int profileBins, int reservoirSize, long seed) {

    public static final List<Feature> SCALE_FREE_FEATURES = List.of(Feature.SEASONAL_RESIDUAL,
            Feature.WEATHER_RESIDUAL, Feature.DELTA, Feature.ROLLING_Z, Feature.RUN_LENGTH, Feature.LEVEL_CUSUM,
            Feature.DRIFT, Feature.HOLIDAY, Feature.WEEKEND, Feature.STRIKE);

    public ForestConfig {
        Objects.requireNonNull(features, "features");
        features = List.copyOf(features);
        if (trees < 1 || subsampleSize < 2 || maxDepth < 0 || features.isEmpty() || profileBins < 2
                || reservoirSize < 1) {
            throw new IllegalArgumentException("invalid forest configuration");
        }
        if (!(contamination > 0 && contamination < 0.5)) {
            throw new IllegalArgumentException("contamination must be in (0, 0.5), got " + contamination);
        }
    }

    public static ForestConfig defaults() {
        return new ForestConfig(100, 256, 0, 0.01, SCALE_FREE_FEATURES, 10, 500, 42L);
    }
}

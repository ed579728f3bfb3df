package io.energywatch.analytics.forecast;

/**
 * Every tunable of the forecast engine. The defaults were chosen on the national electricity validation folds
 * (docs/evaluation.md), never on a test year.
 */
public record ForecastEngineSettings(
        FeatureSettings features,
        double ridgeLambda,
        int forestTrees,
        int forestMaxDepth,
        int forestMaxNodes,
        int forestNodeSize,
        int boostingTrees,
        int boostingMaxDepth,
        int boostingMaxNodes,
        int boostingNodeSize,
        double boostingShrinkage,
        int climatologyWindowDays,
        int cvFolds,
        long seed) {

    public ForecastEngineSettings {
        if (cvFolds < 1) {
            throw new IllegalArgumentException("at least one validation fold: " + cvFolds);
        }
    }

    public static ForecastEngineSettings defaults() {
        return new ForecastEngineSettings(FeatureSettings.national(1), 1.0, 200, 20, 400, 3, 400, 6, 16, 3, 0.05, 7,
                3, 42L);
    }

    public ForecastEngineSettings withFeatures(FeatureSettings f) {
        return new ForecastEngineSettings(f, ridgeLambda, forestTrees, forestMaxDepth, forestMaxNodes,
                forestNodeSize, boostingTrees, boostingMaxDepth, boostingMaxNodes, boostingNodeSize, boostingShrinkage,
                climatologyWindowDays, cvFolds, seed);
    }

    public ForecastEngineSettings withTrees(int forest, int boosting) {
        return new ForecastEngineSettings(features, ridgeLambda, forest, forestMaxDepth, forestMaxNodes,
                forestNodeSize, boosting, boostingMaxDepth, boostingMaxNodes, boostingNodeSize, boostingShrinkage,
                climatologyWindowDays, cvFolds, seed);
    }
}

package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.util.List;
import java.util.Random;
import smile.regression.RandomForest;

/**
 * Smile's regression random forest; every tree gets its own seed drawn from the fit seed, so training is reproducible
 * even though trees are grown in parallel.
 */
public record RandomForestRegressor(int trees, int maxDepth, int maxNodes, int nodeSize) implements Regressor {

    @Override
    public Model fit(List<String> names, double[][] x, double[] y, long seed) {
        var random = new Random(seed);
        long[] seeds = new long[trees];
        for (int i = 0; i < trees; i++) {
            seeds[i] = random.nextLong();
        }
        int mtry = Math.max(1, names.size() / 3);
        var options = new RandomForest.Options(trees, mtry, maxDepth, maxNodes, nodeSize, 1.0, seeds, null);
        return new Model(names, RandomForest.fit(SmileFrames.formula(), SmileFrames.frame(names, x, y), options));
    }

    public record Model(List<String> names, RandomForest forest) implements Fitted {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public double predict(double[] row) {
            return forest.predict(SmileFrames.frame(names, new double[][] {row}, null).get(0));
        }
    }
}

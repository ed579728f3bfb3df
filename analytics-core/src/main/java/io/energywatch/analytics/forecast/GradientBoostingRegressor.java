package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.util.List;
import smile.model.cart.Loss;
import smile.regression.GradientTreeBoost;

/**
 * Smile's gradient tree boosting with least-squares loss (Smile's default is least absolute deviation). Without row
 * subsampling the fit has no randomness, so the seed is not needed.
 */
public record GradientBoostingRegressor(int trees, int maxDepth, int maxNodes, int nodeSize, double shrinkage)
        implements Regressor {

    @Override
    public Model fit(List<String> names, double[][] x, double[] y, long seed) {
        var options = new GradientTreeBoost.Options(Loss.ls(), trees, maxDepth, maxNodes, nodeSize, shrinkage, 1.0,
                null, null);
        return new Model(names, GradientTreeBoost.fit(SmileFrames.formula(), SmileFrames.frame(names, x, y), options));
    }

    public record Model(List<String> names, GradientTreeBoost boost) implements Fitted {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public double predict(double[] row) {
            return boost.predict(SmileFrames.frame(names, new double[][] {row}, null).get(0));
        }
    }
}

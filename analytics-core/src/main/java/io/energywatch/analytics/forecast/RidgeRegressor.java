package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.util.List;

/**
 * Ridge regression by its closed form on standardised features, (ZᵀZ + λI)β = Zᵀ(y − ȳ), solved with a Cholesky
 * factorisation: no system BLAS (Smile's ridge needs libopenblas). The intercept is not penalised.
 *
 * @param lambda the L2 penalty on standardised coefficients; with λ = n a single feature's slope is halved
 */
public record RidgeRegressor(double lambda) implements Regressor {

    public RidgeRegressor {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be non-negative: " + lambda);
        }
    }

    @Override
    public Model fit(List<String> names, double[][] x, double[] y, long seed) {
        int n = x.length;
        int p = n == 0 ? 0 : x[0].length;
        if (n == 0) {
            throw new IllegalArgumentException("no rows to fit");
        }
        double[] mean = new double[p];
        double[] scale = new double[p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            // A constant column standardises to zeros and gets a zero coefficient; scale 1 avoids a division by 0.
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
        }
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double[][] a = new double[p][p];
        double[] b = new double[p];
        double[] z = new double[p];
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < p; j++) {
                z[j] = (x[r][j] - mean[j]) / scale[j];
            }
            double yc = y[r] - yMean;
            for (int j = 0; j < p; j++) {
                b[j] += z[j] * yc;
                for (int k = 0; k <= j; k++) {
                    a[j][k] += z[j] * z[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            // A tiny ridge keeps λ = 0 solvable when columns are collinear (day length and the yearly cosine).
            a[j][j] += lambda + 1e-9 * n;
            for (int k = 0; k < j; k++) {
                a[k][j] = a[j][k];
            }
        }
        double[] betaZ = Cholesky.solve(a, b);
        double[] beta = new double[p];
        double intercept = yMean;
        for (int j = 0; j < p; j++) {
            beta[j] = betaZ[j] / scale[j];
            intercept -= beta[j] * mean[j];
        }
        return new Model(intercept, beta);
    }

    /** y = intercept + Σ coefficients·x in the original units. */
    public record Model(double intercept, double[] coefficients) implements Fitted {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public double predict(double[] row) {
            double v = intercept;
            for (int j = 0; j < coefficients.length; j++) {
                v += coefficients[j] * row[j];
            }
            return v;
        }
    }
}

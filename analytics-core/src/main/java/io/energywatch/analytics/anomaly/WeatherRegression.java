package io.energywatch.analytics.anomaly;

/**
 * Online least squares of the value on heating and cooling degree days (value ≈ a + b·HDD + c·CDD) with exponential
 * forgetting, so the weather sensitivity follows the seasons. Recursive least squares keeps it O(1) per point.
 */
final class WeatherRegression {

    private static final int P = 3;

    private final double forgetting;
    private final double[] theta = new double[P];
    private final double[][] covariance = new double[P][P];
    private final double[] x = new double[P];
    private final double[] gain = new double[P];
    private final double[] px = new double[P];
    private long samples;

    WeatherRegression(double forgetting, double initialVariance) {
        this.forgetting = forgetting;
        for (int i = 0; i < P; i++) {
            covariance[i][i] = initialVariance;
        }
    }

    long samples() {
        return samples;
    }

    double predict(double hdd, double cdd) {
        return theta[0] + theta[1] * hdd + theta[2] * cdd;
    }

    /** Copies the current coefficients (a, b, c) into {@code into}, to predict with them later. */
    void copyCoefficients(double[] into) {
        System.arraycopy(theta, 0, into, 0, P);
    }

    /** The prediction of coefficients copied by {@link #copyCoefficients}. */
    static double predict(double[] coefficients, double hdd, double cdd) {
        return coefficients[0] + coefficients[1] * hdd + coefficients[2] * cdd;
    }

    void update(double hdd, double cdd, double value) {
        x[0] = 1;
        x[1] = hdd;
        x[2] = cdd;
        double denominator = forgetting;
        for (int i = 0; i < P; i++) {
            double s = 0;
            for (int j = 0; j < P; j++) {
                s += covariance[i][j] * x[j];
            }
            px[i] = s;
            denominator += x[i] * s;
        }
        double error = value - predict(hdd, cdd);
        for (int i = 0; i < P; i++) {
            gain[i] = px[i] / denominator;
            theta[i] += gain[i] * error;
        }
        for (int i = 0; i < P; i++) {
            for (int j = 0; j < P; j++) {
                covariance[i][j] = (covariance[i][j] - gain[i] * px[j]) / forgetting;
            }
        }
        samples++;
    }
}

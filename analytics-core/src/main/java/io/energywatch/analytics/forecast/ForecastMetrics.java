package io.energywatch.analytics.forecast;

/**
 * Accuracy of predictions against actuals. MAPE is in percent over the steps with a non-zero actual (DESIGN.md);
 * sMAPE is 200·|a − p| / (|a| + |p|) averaged over steps where that denominator is not zero.
 */
public record ForecastMetrics(int steps, double mapePercent, double smapePercent, double mae, double rmse, double r2)
        implements java.io.Serializable {

    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public static ForecastMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length) {
            throw new IllegalArgumentException("actual and predicted differ in length");
        }
        int n = actual.length;
        if (n == 0) {
            return new ForecastMetrics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double ape = 0;
        int apeSteps = 0;
        double sape = 0;
        int sapeSteps = 0;
        double abs = 0;
        double sq = 0;
        double mean = 0;
        for (double a : actual) {
            mean += a / n;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double e = actual[i] - predicted[i];
            if (actual[i] != 0) {
                ape += Math.abs(e / actual[i]);
                apeSteps++;
            }
            double denominator = Math.abs(actual[i]) + Math.abs(predicted[i]);
            if (denominator != 0) {
                sape += 2 * Math.abs(e) / denominator;
                sapeSteps++;
            }
            abs += Math.abs(e);
            sq += e * e;
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        return new ForecastMetrics(n,
                apeSteps == 0 ? Double.NaN : 100 * ape / apeSteps,
                sapeSteps == 0 ? Double.NaN : 100 * sape / sapeSteps,
                abs / n, Math.sqrt(sq / n),
                total == 0 ? Double.NaN : 1 - sq / total);
    }
}

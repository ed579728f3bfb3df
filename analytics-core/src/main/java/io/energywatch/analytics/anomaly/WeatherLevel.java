package io.energywatch.analytics.anomaly;

/**
 * The expectation from the weather: an online degree-day regression ({@link WeatherRegression}) and the robust scale
 * of its residuals. Used once it has seen {@code weather.minSamples} rows with weather.
 */
final class WeatherLevel {

    /** Residuals needed before their scale is trusted. */
    private static final int MIN_RESIDUALS = 8;
    /** Prior variance of the regression's coefficients: uninformative against any load's size. */
    private static final double INITIAL_VARIANCE = 1e6;

    private final int minSamples;
    private final WeatherRegression regression;
    private final RollingWindow absResiduals;

    WeatherLevel(DetectorConfig.Weather config, int residualWindow) {
        this.minSamples = config.minSamples();
        this.regression = new WeatherRegression(config.forgetting(), INITIAL_VARIANCE);
        this.absResiduals = new RollingWindow(residualWindow);
    }

    /** {@code x} minus the regression's prediction for the degree days. */
    double residual(double x, double hdd, double cdd) {
        return x - regression.predict(hdd, cdd);
    }

    /** The residual in robust standard deviations (at least {@code floor}); NaN while the regression is young. */
    double z(double residual, double floor) {
        if (regression.samples() >= minSamples && absResiduals.size() >= MIN_RESIDUALS) {
            return residual / Math.max(absResiduals.residualSigma(), floor);
        }
        return Double.NaN;
    }

    /** The level the weather predicts, when the regression is learned and the level positive; else NaN. */
    double level(double hdd, double cdd) {
        double level = regression.samples() >= minSamples ? regression.predict(hdd, cdd) : Double.NaN;
        return level > 0 ? level : Double.NaN;
    }

    /** The regression's coefficients now, to predict with later ({@link WeatherRegression#predict(double[], double, double)}). */
    double[] coefficients() {
        double[] copy = new double[3];
        regression.copyCoefficients(copy);
        return copy;
    }

    void learn(double x, double hdd, double cdd, double residual) {
        if (!Double.isNaN(residual)) {
            absResiduals.add(Math.abs(residual));
        }
        regression.update(hdd, cdd, x);
    }
}

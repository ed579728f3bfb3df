package io.energywatch.analytics.anomaly;

/**
 * Heavy tails: when the past residual z-scores' {@code scales.tailQuantile} exceeds a Gaussian's, the scale is widened
 * by that ratio, so a series whose normal life is spiky needs a proportionally larger departure to alarm. Off when
 * {@code scales.tailWindow} is 0.
 */
final class TailWidening {

    /** Residuals needed before the tail quantile is trusted. */
    private static final int MIN_RESIDUALS = 32;

    private final boolean on;
    private final double quantile;
    private final double gaussianTail;
    private final RollingWindow absZ;

    TailWidening(DetectorConfig.Scales config) {
        this.on = config.tailWindow() > 0;
        this.quantile = config.tailQuantile();
        this.gaussianTail = gaussianAbsQuantile(config.tailQuantile());
        this.absZ = new RollingWindow(Math.max(1, config.tailWindow()));
    }

    /** {@code scale} widened by how much heavier than Gaussian the past residuals' tail is (never narrowed). */
    double widen(double scale) {
        if (on && absZ.size() >= MIN_RESIDUALS) {
            return scale * Math.max(1, absZ.quantile(quantile) / gaussianTail);
        }
        return scale;
    }

    /** Learns a row's raw |z| (before widening). */
    void learn(double absRawZ) {
        if (on) {
            absZ.add(absRawZ);
        }
    }

    /** The q quantile of |Z| for a standard normal Z, by bisection on the error function's complement. */
    static double gaussianAbsQuantile(double q) {
        double lo = 0;
        double hi = 40;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            if (twoSidedTail(mid) > 1 - q) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(|Z| > z) for a standard normal Z (Abramowitz–Stegun 7.1.26, error below 1.5e-7). */
    private static double twoSidedTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }
}

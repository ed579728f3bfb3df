package io.energywatch.analytics.anomaly;

/** The change since the previous value against the robust scale of recent changes. */
final class DeltaScale {

    /** Changes needed before their scale is trusted. */
    private static final int MIN_CHANGES = 8;

    private final RollingWindow absDeltas;

    DeltaScale(int window) {
        this.absDeltas = new RollingWindow(window);
    }

    /** {@code delta} in robust standard deviations of recent changes (at least {@code floor}); NaN while too few. */
    double z(double delta, double floor) {
        if (Double.isNaN(delta) || absDeltas.size() < MIN_CHANGES) {
            return Double.NaN;
        }
        return delta / Math.max(absDeltas.residualSigma(), floor);
    }

    void learn(double delta) {
        if (!Double.isNaN(delta)) {
            absDeltas.add(Math.abs(delta));
        }
    }
}

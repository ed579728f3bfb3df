package io.energywatch.analytics.anomaly;

/**
 * The features of one observation, computed only from the observations before it, plus the expectation they were
 * measured against. {@code values} is indexed by {@link Feature#ordinal()}; a missing feature is {@code NaN}. The
 * array is owned by the frame and not copied, because the detector builds one per event on its hot path.
 *
 * @param values   feature values by ordinal
 * @param expected the value the detector expected (seasonal baseline when known, else rolling median), NaN in warm-up
 * @param scale    the robust standard deviation of the residual against {@code expected}
 * @param residualZ the signed residual against {@code expected}, in units of {@code scale}
 */
public record FeatureFrame(double[] values, double expected, double scale, double residualZ) {

    public double get(Feature feature) {
        return values[feature.ordinal()];
    }

    public boolean has(Feature feature) {
        return !Double.isNaN(values[feature.ordinal()]);
    }
}

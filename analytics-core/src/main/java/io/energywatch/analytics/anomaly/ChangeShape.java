package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;

/**
 * Types a slow change by the shape of its residuals since the CUSUM left zero: a step (nothing, then a constant from
 * some block on, with one block of transition allowed for an onset inside a block) is a level shift; a ramp (nothing,
 * then a residual growing linearly from zero) is a gradual drift. The shape whose best least-squares fit leaves the
 * smaller error wins; a change found within a few blocks is a step, since a ramp that fast cannot be told from one.
 */
final class ChangeShape {

    /** Residuals (after the first) a change needs before a ramp is considered. */
    static final int MIN_BLOCKS = 3;

    private ChangeShape() {
    }

    /** {@code z}: the residuals since the onset, oriented so the change is positive. */
    static AnomalyType of(double[] z, int length) {
        if (length <= MIN_BLOCKS) {
            return AnomalyType.LEVEL_SHIFT;
        }
        return rampError(z, length) < stepError(z, length) ? AnomalyType.GRADUAL_DRIFT : AnomalyType.LEVEL_SHIFT;
    }

    /** Least error of "zero before τ − 1, one free transition block, constant c from τ". */
    static double stepError(double[] z, int length) {
        double best = Double.POSITIVE_INFINITY;
        for (int tau = 0; tau < length; tau++) {
            double sum = 0;
            for (int j = tau; j < length; j++) {
                sum += z[j];
            }
            double c = sum / (length - tau);
            double error = 0;
            for (int j = 0; j < tau - 1; j++) {
                error += z[j] * z[j];
            }
            for (int j = tau; j < length; j++) {
                error += (z[j] - c) * (z[j] - c);
            }
            best = Math.min(best, error);
        }
        return best;
    }

    /** Least error of "zero before τ, then s·(j − τ + 1)": a ramp from zero. */
    static double rampError(double[] z, int length) {
        double best = Double.POSITIVE_INFINITY;
        for (int tau = 0; tau < length; tau++) {
            double zu = 0;
            double uu = 0;
            for (int j = tau; j < length; j++) {
                double u = j - tau + 1;
                zu += z[j] * u;
                uu += u * u;
            }
            double s = zu / uu;
            double error = 0;
            for (int j = 0; j < tau; j++) {
                error += z[j] * z[j];
            }
            for (int j = tau; j < length; j++) {
                double e = z[j] - s * (j - tau + 1);
                error += e * e;
            }
            best = Math.min(best, error);
        }
        return best;
    }
}

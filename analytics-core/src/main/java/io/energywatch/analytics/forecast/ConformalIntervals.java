package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Split-conformal prediction intervals: the half-widths are quantiles of absolute validation residuals with the
 * finite-sample rank ⌈(n + 1)(1 − α)⌉, so on exchangeable data the intervals cover at least 80% and 95%. When n is too
 * small for that rank the largest residual is used, and the interval under-covers; {@code residuals} says how many.
 */
public record ConformalIntervals(int residuals, double halfWidth80, double halfWidth95) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    public static ConformalIntervals fromResiduals(double[] residuals) {
        double[] abs = Arrays.stream(residuals).filter(Double::isFinite).map(Math::abs).sorted().toArray();
        if (abs.length == 0) {
            throw new IllegalArgumentException("no residuals to calibrate intervals on");
        }
        return new ConformalIntervals(abs.length, quantile(abs, 0.80), quantile(abs, 0.95));
    }

    private static double quantile(double[] sorted, double coverage) {
        int rank = (int) Math.ceil((sorted.length + 1) * coverage);
        return sorted[Math.min(rank, sorted.length) - 1];
    }

    public double lower80(double point) {
        return point - halfWidth80;
    }

    public double upper80(double point) {
        return point + halfWidth80;
    }

    public double lower95(double point) {
        return point - halfWidth95;
    }

    public double upper95(double point) {
        return point + halfWidth95;
    }
}

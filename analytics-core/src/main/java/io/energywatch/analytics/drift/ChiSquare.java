package io.energywatch.analytics.drift;

import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

import java.util.Map;
import java.util.TreeSet;

/**
 * Pearson's chi-square test of homogeneity for a categorical feature: the 2×K table of reference and current counts over
 * the categories seen on either side, K − 1 degrees of freedom, no continuity correction; the statistic and its tail
 * computed by commons-math3.
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    public record Result(double statistic, int degreesOfFreedom, double pValue) {
    }

    public static Result homogeneity(Map<String, Long> reference, Map<String, Long> current) {
        var categories = new TreeSet<String>(reference.keySet());
        categories.addAll(current.keySet());
        categories.removeIf(c -> reference.getOrDefault(c, 0L) + current.getOrDefault(c, 0L) == 0);
        long referenceTotal = reference.values().stream().mapToLong(Long::longValue).sum();
        long currentTotal = current.values().stream().mapToLong(Long::longValue).sum();
        int df = categories.size() - 1;
        if (df < 1 || referenceTotal == 0 || currentTotal == 0) {
            return new Result(0.0, Math.max(df, 0), 1.0);
        }
        long[] r = categories.stream().mapToLong(c -> reference.getOrDefault(c, 0L)).toArray();
        long[] c = categories.stream().mapToLong(k -> current.getOrDefault(k, 0L)).toArray();
        double statistic = new ChiSquareTest().chiSquareDataSetsComparison(r, c);
        return new Result(statistic, df, survival(statistic, df));
    }

    /**
     * P(X ≥ x) for X chi-square with {@code df} degrees of freedom: the regularized upper incomplete gamma Q(df/2, x/2)
     * (commons-math3, accurate in the far tail where 1 − CDF would round to 0).
     */
    public static double survival(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return Gamma.regularizedGammaQ(df / 2.0, x / 2.0);
    }
}

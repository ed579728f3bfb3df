package io.energywatch.analytics.drift;

import java.util.Map;
import java.util.TreeSet;

/**
 * Pearson's chi-square test of homogeneity for a categorical feature: the 2×K table of reference and current counts over
 * the categories seen on either side, K − 1 degrees of freedom, no continuity correction.
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
        double total = referenceTotal + currentTotal;
        double statistic = 0;
        for (String category : categories) {
            long r = reference.getOrDefault(category, 0L);
            long c = current.getOrDefault(category, 0L);
            double column = r + c;
            double expectedR = referenceTotal * column / total;
            double expectedC = currentTotal * column / total;
            statistic += (r - expectedR) * (r - expectedR) / expectedR + (c - expectedC) * (c - expectedC) / expectedC;
        }
        return new Result(statistic, df, survival(statistic, df));
    }

    /** P(X ≥ x) for X chi-square with {@code df} degrees of freedom: the regularized upper incomplete gamma Q(df/2, x/2). */
    public static double survival(double x, int df) {
        if (x <= 0) {
            return 1.0;
        }
        return regularizedUpperGamma(df / 2.0, x / 2.0);
    }

    /** Q(a, x) by its series below a + 1 and Lentz's continued fraction above (Numerical Recipes §6.2). */
    static double regularizedUpperGamma(double a, double x) {
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return Math.max(0.0, 1.0 - sum * Math.exp(logPrefix));
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return Math.exp(logPrefix) * h;
    }

    /** ln Γ(a) for a > 0 by the Lanczos approximation (g = 7, 9 terms; relative error below 1e-15). */
    static double logGamma(double a) {
        if (a < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * a))) - logGamma(1 - a);
        }
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        double z = a - 1;
        double sum = c[0];
        for (int i = 1; i < c.length; i++) {
            sum += c[i] / (z + i);
        }
        double t = z + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}

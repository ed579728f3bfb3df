package io.energywatch.analytics.drift;

import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

import java.util.Arrays;

/**
 * The two-sample, two-sided Kolmogorov–Smirnov test.
 *
 * <p>The p-value is exact when {@code n·m ≤ exactLimit}: the permutation distribution of D conditional on the pooled
 * sample, by the lattice-path recursion of Hodges (1958) as R's {@code psmirnov} does it. With ties the ECDF difference
 * is only observed where the pooled sorted value changes, so tied samples get their exact conditional p-value (scipy's
 * {@code method="exact"} uses the no-ties distribution instead; both agree when there are no ties). Above the limit the
 * p-value is asymptotic: the Kolmogorov distribution at {@code λ = (√nₑ + 0.12 + 0.11/√nₑ)·D} with {@code nₑ = nm/(n+m)}
 * (Stephens 1970, the effective-n correction of Numerical Recipes), accurate to about 1e-3 once nₑ ≥ 4 and far better
 * for the window sizes drift runs see.
 */
public final class KolmogorovSmirnov {

    /** Default switch from the exact to the asymptotic p-value: the O(n·m) recursion stays under a few milliseconds. */
    public static final long DEFAULT_EXACT_LIMIT = 1_000_000L;
    /** λ under which Q(λ) is 1 (the Kolmogorov CDF there is e^(−π²/8λ²)-small). */
    static final double CERTAIN_BELOW = 0.01;
    private static final double KS_SUM_TOLERANCE = 1e-20;
    private static final int KS_SUM_MAX_TERMS = 100_000;
    private static final KolmogorovSmirnovTest KOLMOGOROV = new KolmogorovSmirnovTest();

    private KolmogorovSmirnov() {
    }

    /** How a p-value was obtained. */
    public enum Method {
        EXACT, ASYMPTOTIC
    }

    /**
     * @param statistic D, the largest distance between the two empirical distribution functions
     * @param pValue    P(D ≥ observed) under the null hypothesis of one distribution
     */
    public record Result(double statistic, double pValue, Method method, int n, long m) {
    }

    /** Tests two unsorted samples; NaN values are not allowed. */
    public static Result test(double[] first, double[] second, long exactLimit) {
        double[] a = first.clone();
        double[] b = second.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        return testSorted(a, b, exactLimit);
    }

    /** Tests two sorted samples. */
    public static Result testSorted(double[] a, double[] b, long exactLimit) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both samples need at least one value");
        }
        long scaled = scaledStatistic(a, b);
        long n = a.length;
        long m = b.length;
        double d = scaled / (double) (n * m);
        if (n * m <= exactLimit) {
            return new Result(d, exactPValue(scaled, a, b), Method.EXACT, a.length, m);
        }
        return new Result(d, asymptoticPValue(d, n, m), Method.ASYMPTOTIC, a.length, m);
    }

    /** D·n·m, an integer: D is |i/n − j/m| at some pair of counts, so integers compare it without rounding. */
    static long scaledStatistic(double[] a, double[] b) {
        int n = a.length;
        int m = b.length;
        int i = 0;
        int j = 0;
        long best = 0;
        while (i < n && j < m) {
            double v = Math.min(a[i], b[j]);
            while (i < n && a[i] == v) {
                i++;
            }
            while (j < m && b[j] == v) {
                j++;
            }
            best = Math.max(best, Math.abs((long) i * m - (long) j * n));
        }
        return best;
    }

    /**
     * Exact P(D ≥ d) by counting label arrangements of the pooled sorted sample whose path from (0,0) to (n,m) touches
     * |i·m − j·n| ≥ D·n·m at an observable point. Each cell holds the share of paths to it that touched already, so
     * the result keeps its relative precision for tiny p-values.
     */
    static double exactPValue(long scaled, double[] a, double[] b) {
        if (scaled == 0) {
            return 1.0;
        }
        int n = a.length;
        int m = b.length;
        double[] pooled = new double[n + m];
        System.arraycopy(a, 0, pooled, 0, n);
        System.arraycopy(b, 0, pooled, n, m);
        Arrays.sort(pooled);
        // observable[t]: the ECDFs can be read after t pooled values (the t-th and (t+1)-th differ, or t is the end).
        boolean[] observable = new boolean[n + m + 1];
        for (int t = 1; t < n + m; t++) {
            observable[t] = pooled[t - 1] != pooled[t];
        }
        observable[n + m] = true;

        double[] hit = new double[m + 1];
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= m; j++) {
                if (i == 0 && j == 0) {
                    hit[0] = 0.0;
                    continue;
                }
                int t = i + j;
                if (observable[t] && Math.abs((long) i * m - (long) j * n) >= scaled) {
                    hit[j] = 1.0;
                } else if (i == 0) {
                    hit[j] = hit[j - 1];
                } else if (j > 0) {
                    hit[j] = (hit[j] * i + hit[j - 1] * j) / t;
                }
                // i > 0, j == 0: hit[0] keeps the value of the row above (weight i/i = 1)
            }
        }
        return Math.min(1.0, hit[m]);
    }

    /** Asymptotic P(D ≥ d) with Stephens' effective-n correction. */
    public static double asymptoticPValue(double d, long n, long m) {
        double ne = (double) n * m / (n + m);
        double root = Math.sqrt(ne);
        return kolmogorovSurvival((root + 0.12 + 0.11 / root) * d);
    }

    /**
     * Q(λ) = P(K > λ) of the Kolmogorov distribution, from commons-math3's CDF. Below {@link #CERTAIN_BELOW} the CDF is
     * under 1e-300 and Q is 1 in double precision, and the alternating series would need millions of terms.
     */
    public static double kolmogorovSurvival(double lambda) {
        if (lambda < CERTAIN_BELOW) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(0.0, 1 - KOLMOGOROV.ksSum(lambda, KS_SUM_TOLERANCE, KS_SUM_MAX_TERMS)));
    }
}

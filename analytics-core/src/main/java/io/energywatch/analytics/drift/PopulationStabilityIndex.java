package io.energywatch.analytics.drift;

import java.util.Map;
import java.util.TreeSet;

/**
 * The population stability index, {@code Σ (cᵢ − rᵢ)·ln(cᵢ/rᵢ)} over bins, where rᵢ and cᵢ are the reference and current
 * shares of bin i. A share of zero (an empty bin on either side) is replaced by ε before the sum, so an empty bin adds a
 * large but finite term instead of an infinite one (shared/DESIGN.md: ε = 1e-4). Shares are not renormalised after
 * smoothing, which is the usual convention of credit-scoring and of the seed report.
 */
public final class PopulationStabilityIndex {

    /** Smoothing of empty bins (shared/DESIGN.md). */
    public static final double DEFAULT_EPSILON = 1e-4;

    private PopulationStabilityIndex() {
    }

    /** PSI of counts per bin; both arrays list the same bins. */
    public static double ofCounts(long[] reference, long[] current, double epsilon) {
        if (reference.length != current.length) {
            throw new IllegalArgumentException("reference and current have " + reference.length + " and "
                    + current.length + " bins");
        }
        long referenceTotal = 0;
        long currentTotal = 0;
        for (int i = 0; i < reference.length; i++) {
            referenceTotal += reference[i];
            currentTotal += current[i];
        }
        if (referenceTotal == 0 || currentTotal == 0) {
            throw new IllegalArgumentException("PSI needs values on both sides");
        }
        double psi = 0;
        for (int i = 0; i < reference.length; i++) {
            double r = share(reference[i], referenceTotal, epsilon);
            double c = share(current[i], currentTotal, epsilon);
            psi += (c - r) * Math.log(c / r);
        }
        return psi;
    }

    /** PSI of category frequencies over the union of the categories seen on either side. */
    public static double ofCategories(Map<String, Long> reference, Map<String, Long> current, double epsilon) {
        var categories = new TreeSet<String>(reference.keySet());
        categories.addAll(current.keySet());
        long[] r = new long[categories.size()];
        long[] c = new long[categories.size()];
        int i = 0;
        for (String category : categories) {
            r[i] = reference.getOrDefault(category, 0L);
            c[i] = current.getOrDefault(category, 0L);
            i++;
        }
        return ofCounts(r, c, epsilon);
    }

    private static double share(long count, long total, double epsilon) {
        return count == 0 ? epsilon : count / (double) total;
    }
}

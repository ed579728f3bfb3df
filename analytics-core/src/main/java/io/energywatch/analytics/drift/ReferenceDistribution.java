package io.energywatch.analytics.drift;

import io.energywatch.analytics.registry.FeatureProfile;

import java.util.Arrays;

/**
 * A numeric {@link FeatureProfile} in the form a pass over millions of current values needs: its quantile edges and
 * counts as arrays, and its reservoir sorted with the distinct values and the reference count at or below each. One
 * pass then bins each current value twice by binary search (PSI bin, reservoir interval) and needs no sort of the
 * current column: the KS statistic is read from the interval counts, since between two reservoir values the reference
 * ECDF is flat and the largest gap lies at an end of the interval.
 */
final class ReferenceDistribution {

    final FeatureProfile profile;
    final double[] edges;
    final long[] binCounts;
    final double[] reservoir;
    final double[] distinct;
    final long[] atOrBelow;
    /** grid[g]: first distinct value at or above the g-th of equal steps from the smallest to the largest value. */
    private final int[] grid;
    private final double gridScale;

    ReferenceDistribution(FeatureProfile profile) {
        this.profile = profile;
        this.edges = profile.quantileEdges().stream().mapToDouble(Double::doubleValue).toArray();
        this.binCounts = profile.quantileCounts().stream().mapToLong(Long::longValue).toArray();
        this.reservoir = profile.reservoir().stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int unique = 0;
        double[] values = new double[reservoir.length];
        long[] cumulative = new long[reservoir.length];
        for (int i = 0; i < reservoir.length; i++) {
            if (unique > 0 && values[unique - 1] == reservoir[i]) {
                cumulative[unique - 1] = i + 1;
            } else {
                values[unique] = reservoir[i];
                cumulative[unique] = i + 1;
                unique++;
            }
        }
        this.distinct = Arrays.copyOf(values, unique);
        this.atOrBelow = Arrays.copyOf(cumulative, unique);
        // About four grid cells per distinct value: most lookups land within one value of the answer.
        int cells = unique < 2 ? 1 : Math.min(1 << 20, Integer.highestOneBit(unique * 4 - 1) << 1);
        double span = unique < 2 ? 0 : distinct[unique - 1] - distinct[0];
        this.gridScale = span > 0 ? cells / span : 0;
        this.grid = new int[cells + 1];
        for (int g = 0; g <= cells; g++) {
            grid[g] = span > 0 ? lowerBound(distinct, distinct[0] + g / gridScale) : 0;
        }
    }

    /**
     * The index of the first distinct value at or above {@code v}: the grid gives a start within a value or two of it,
     * and short scans in both directions make the answer exact whatever the rounding of the grid arithmetic.
     */
    int distinctIndex(double v) {
        double[] d = distinct;
        int u = d.length;
        if (u == 0 || v <= d[0]) {
            return 0;
        }
        if (v > d[u - 1]) {
            return u;
        }
        int k = grid[Math.min(grid.length - 1, (int) ((v - d[0]) * gridScale))];
        while (k < u && d[k] < v) {
            k++;
        }
        while (k > 0 && d[k - 1] >= v) {
            k--;
        }
        return k;
    }

    /** What one pass over a current column collects. */
    static final class Pass {
        long missing;
        long present;
        double sum;
        final long[] bins;
        /** below[k]: current values strictly between distinct[k−1] and distinct[k]; below[U]: above the largest. */
        final long[] below;
        /** equal[k]: current values equal to distinct[k]. */
        final long[] equal;

        Pass(int bins, int distinct) {
            this.bins = new long[bins];
            this.below = new long[distinct + 1];
            this.equal = new long[distinct];
        }
    }

    Pass scan(double[] column) {
        var pass = new Pass(binCounts.length, distinct.length);
        double[] e = edges;
        double[] d = distinct;
        long[] bins = pass.bins;
        long[] below = pass.below;
        long[] equal = pass.equal;
        long missing = 0;
        double sum = 0;
        for (double v : column) {
            if (Double.isNaN(v)) {
                missing++;
                continue;
            }
            sum += v;
            bins[lowerBound(e, v)]++;
            int k = distinctIndex(v);
            if (k < d.length && d[k] == v) {
                equal[k]++;
            } else {
                below[k]++;
            }
        }
        pass.missing = missing;
        pass.present = column.length - missing;
        pass.sum = sum;
        return pass;
    }

    /** D·R·n from the interval counts of a pass (R reservoir values, n current values). */
    long scaledStatistic(Pass pass) {
        long r = reservoir.length;
        long n = pass.present;
        long current = 0;
        long best = 0;
        for (int k = 0; k < distinct.length; k++) {
            long reference = k == 0 ? 0 : atOrBelow[k - 1];
            current += pass.below[k];
            best = Math.max(best, Math.abs(current * r - reference * n));
            current += pass.equal[k];
            best = Math.max(best, Math.abs(current * r - atOrBelow[k] * n));
        }
        return best;
    }

    /**
     * The first index whose value is at or above {@code v} (the length when none is): a branch-free binary search, so
     * random values do not stall the pipeline on mispredicted branches.
     */
    static int lowerBound(double[] sorted, double v) {
        int n = sorted.length;
        if (n == 0) {
            return 0;
        }
        int base = 0;
        while (n > 1) {
            int half = n >>> 1;
            base = sorted[base + half - 1] < v ? base + half : base;
            n -= half;
        }
        return sorted[base] < v ? base + 1 : base;
    }
}

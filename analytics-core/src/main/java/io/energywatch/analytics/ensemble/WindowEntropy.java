package io.energywatch.analytics.ensemble;

import java.util.Arrays;

/**
 * Relative entropy (Kullback-Leibler divergence) of the distribution of a series' last {@code recentRows} values
 * against that of the {@code referenceRows} values before them (Wang et al. 2011, one of NAB's reference detectors).
 * The bins are the reference's quantiles plus one open bin below and one above its range, recomputed every
 * {@code rebinEvery} rows, so a burst, a level shift, a stuck run or a drift concentrates the recent window in few or
 * unseen bins and raises the divergence. Causal: a row is compared with the values before the recent window.
 * Not thread-safe.
 */
public final class WindowEntropy {

    private final int recentRows;
    private final int bins;
    private final int rebinEvery;
    private final double[] values;
    private final int[] recentBins;
    private final int[] recentCounts;
    private final double[] referenceShare;
    private double[] edges;
    private int size;
    private int next;
    private long seen;

    /**
     * @param recentRows    values in the recent window (the current one included)
     * @param referenceRows values in the reference window, just before the recent one
     * @param bins          quantile bins of the reference (two open bins are added outside its range)
     * @param rebinEvery    rows between recomputations of the bins and of the reference's shares
     */
    public WindowEntropy(int recentRows, int referenceRows, int bins, int rebinEvery) {
        if (recentRows < 1 || referenceRows < bins || bins < 2 || rebinEvery < 1) {
            throw new IllegalArgumentException("recentRows " + recentRows + ", referenceRows " + referenceRows
                    + ", bins " + bins + ", rebinEvery " + rebinEvery + ": need referenceRows >= bins >= 2");
        }
        this.recentRows = recentRows;
        this.bins = bins;
        this.rebinEvery = rebinEvery;
        this.values = new double[recentRows + referenceRows];
        this.recentBins = new int[recentRows];
        this.recentCounts = new int[bins + 2];
        this.referenceShare = new double[bins + 2];
    }

    /** The divergence in nats of the recent window ending with {@code value}; NaN until the reference is full. */
    public double scoreAndLearn(double value) {
        values[next] = value;
        next = (next + 1) % values.length;
        size = Math.min(size + 1, values.length);
        seen++;
        if (size < values.length) {
            return Double.NaN;
        }
        if (edges == null || seen % rebinEvery == 0) {
            rebin();
        } else {
            int slot = (int) ((seen - 1) % recentRows);
            recentCounts[recentBins[slot]]--;
            recentBins[slot] = binOf(value);
            recentCounts[recentBins[slot]]++;
        }
        double divergence = 0;
        for (int b = 0; b < recentCounts.length; b++) {
            if (recentCounts[b] > 0) {
                double p = recentCounts[b] / (double) recentRows;
                divergence += p * Math.log(p / referenceShare[b]);
            }
        }
        return divergence;
    }

    /** Bins from the reference's quantiles; the reference's shares smoothed so an unseen bin is finite. */
    private void rebin() {
        int referenceRows = values.length - recentRows;
        double[] reference = new double[referenceRows];
        for (int i = 0; i < referenceRows; i++) {
            reference[i] = at(recentRows + i);
        }
        double[] sorted = reference.clone();
        Arrays.sort(sorted);
        edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = sorted[Math.min(referenceRows - 1, (int) Math.round(k * (referenceRows - 1.0) / bins))];
        }
        Arrays.fill(referenceShare, 0);
        for (double v : reference) {
            referenceShare[binOf(v)]++;
        }
        // Half a value's weight in every bin: an unseen bin is rare, not impossible.
        double total = referenceRows + 0.5 * referenceShare.length;
        for (int b = 0; b < referenceShare.length; b++) {
            referenceShare[b] = (referenceShare[b] + 0.5) / total;
        }
        Arrays.fill(recentCounts, 0);
        for (int i = 0; i < recentRows; i++) {
            int slot = (int) Math.floorMod(seen - 1 - i, (long) recentRows);
            recentBins[slot] = binOf(at(i));
            recentCounts[recentBins[slot]]++;
        }
    }

    /** The value {@code age} rows before the newest one. */
    private double at(int age) {
        return values[Math.floorMod(next - 1 - age, values.length)];
    }

    /** 0 below the reference's minimum, bins + 1 above its maximum, otherwise the quantile bin (ties go low). */
    private int binOf(double v) {
        if (v < edges[0]) {
            return 0;
        }
        if (v > edges[bins]) {
            return bins + 1;
        }
        for (int k = 1; k <= bins; k++) {
            if (v <= edges[k]) {
                return k;
            }
        }
        return bins;
    }
}

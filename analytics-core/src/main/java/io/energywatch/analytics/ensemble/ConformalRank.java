package io.energywatch.analytics.ensemble;

/**
 * A score's tail probability among the series' own recent scores (split-conformal with a sliding calibration set):
 * p = (1 + number of the last {@code capacity} scores at or above it) / (n + 1). Scores of different detectors are
 * thereby put on one scale without assuming a distribution. A score beyond every remembered one gets the smallest
 * rank probability divided by how far it beats the largest, so the strongest rows still order among themselves.
 * Not thread-safe.
 */
public final class ConformalRank {

    private final double[] ring;
    private final double[] sorted;
    private final int minSamples;
    private int size;
    private int next;

    /**
     * @param capacity   recent scores remembered
     * @param minSamples scores needed before any probability below 1 is given
     */
    public ConformalRank(int capacity, int minSamples) {
        if (capacity < 1 || minSamples < 1 || minSamples > capacity) {
            throw new IllegalArgumentException("capacity " + capacity + " and minSamples " + minSamples
                    + ": need 1 <= minSamples <= capacity");
        }
        this.ring = new double[capacity];
        this.sorted = new double[capacity];
        this.minSamples = minSamples;
    }

    /** The tail probability of {@code score} among the remembered scores; 1 before {@code minSamples} or for NaN. */
    public double tailProbability(double score) {
        if (size < minSamples || Double.isNaN(score)) {
            return 1;
        }
        int atOrAbove = size - lowerBound(score);
        double p = (1.0 + atOrAbove) / (size + 1.0);
        double largest = sorted[size - 1];
        if (atOrAbove == 0 && largest > 0 && score > largest) {
            p *= largest / score;
        }
        return p;
    }

    /** Remembers {@code score}, forgetting the oldest once full; NaN is not remembered. */
    public void add(double score) {
        if (Double.isNaN(score)) {
            return;
        }
        if (size == ring.length) {
            remove(ring[next]);
        }
        ring[next] = score;
        next = (next + 1) % ring.length;
        int at = lowerBound(score);
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = score;
        size++;
    }

    public int size() {
        return size;
    }

    private void remove(double score) {
        int at = lowerBound(score);
        System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
        size--;
    }

    /** Index of the first remembered score at or above {@code score} (a series may repeat one score many times). */
    private int lowerBound(double score) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < score) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}

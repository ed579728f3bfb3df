package io.energywatch.analytics.anomaly;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a stream kept both in arrival order and sorted, so the median and the median
 * absolute deviation cost O(capacity) memory moves and no sort per point.
 */
final class RollingWindow {

    static final double MAD_TO_SIGMA = 1.4826;
    static final double MEAN_AD_TO_SIGMA = 1.2533;

    private final double[] ring;
    private final double[] sorted;
    private int head;
    private int size;
    private double sum;

    RollingWindow(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        ring = new double[capacity];
        sorted = new double[capacity];
    }

    void add(double x) {
        if (size == ring.length) {
            double oldest = ring[head];
            int at = Arrays.binarySearch(sorted, 0, size, oldest);
            System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
            size--;
            sum -= oldest;
        }
        ring[head] = x;
        head = (head + 1) % ring.length;
        int at = Arrays.binarySearch(sorted, 0, size, x);
        if (at < 0) {
            at = -at - 1;
        }
        System.arraycopy(sorted, at, sorted, at + 1, size - at);
        sorted[at] = x;
        size++;
        sum += x;
    }

    int size() {
        return size;
    }

    boolean full() {
        return size == ring.length;
    }

    /** Median of the window; NaN when empty. */
    double median() {
        if (size == 0) {
            return Double.NaN;
        }
        int mid = size >>> 1;
        return (size & 1) == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }

    /**
     * Median absolute deviation from the median. The deviations left and right of the median are each sorted, so a
     * merge of the two runs finds their median in half a pass.
     */
    double mad() {
        if (size == 0) {
            return Double.NaN;
        }
        double m = median();
        int left = (size >>> 1) - 1;          // walks down: deviations m - sorted[left] grow
        int right = size >>> 1;               // walks up: deviations sorted[right] - m grow
        int lo = (size - 1) >>> 1;            // ranks of the median deviation(s)
        int hi = size >>> 1;
        double previous = 0;
        double result = 0;
        for (int k = 0; k <= hi; k++) {
            double next;
            double dl = left >= 0 ? m - sorted[left] : Double.POSITIVE_INFINITY;
            double dr = right < size ? sorted[right] - m : Double.POSITIVE_INFINITY;
            if (dl <= dr) {
                next = dl;
                left--;
            } else {
                next = dr;
                right++;
            }
            if (k == lo) {
                previous = next;
            }
            if (k == hi) {
                result = next;
            }
        }
        return lo == hi ? result : 0.5 * (previous + result);
    }

    double mean() {
        return size == 0 ? Double.NaN : sum / size;
    }

    /**
     * A robust standard deviation of the values: 1.4826 × MAD, or 1.2533 × the mean absolute deviation from the
     * median when more than half the values are equal (count data full of zeros has a MAD of 0 but is not constant).
     */
    double robustSigma() {
        double mad = mad();
        if (mad > 0 || size == 0) {
            return MAD_TO_SIGMA * mad;
        }
        double m = median();
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += Math.abs(sorted[i] - m);
        }
        return MEAN_AD_TO_SIGMA * total / size;
    }

    /** Read as a window of absolute residuals: the robust standard deviation of the residuals, same fallback. */
    double residualSigma() {
        double median = median();
        if (median > 0 || size == 0) {
            return MAD_TO_SIGMA * median;
        }
        return MEAN_AD_TO_SIGMA * mean();
    }

    /** The value at quantile {@code q} (nearest rank); NaN when empty. */
    double quantile(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        int at = (int) Math.min(size - 1, Math.max(0, Math.round(q * (size - 1))));
        return sorted[at];
    }
}

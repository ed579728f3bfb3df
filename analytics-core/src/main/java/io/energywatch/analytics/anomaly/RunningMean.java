package io.energywatch.analytics.anomaly;

/**
 * The sum of the last {@code capacity} values in a ring with a running sum, recomputed exactly once per lap so it does
 * not accumulate rounding errors: for windows whose mean is all that is read (a {@link RollingWindow} also keeps them
 * sorted).
 */
final class RunningMean {

    private final double[] ring;
    private int head;
    private int size;
    private double sum;

    RunningMean(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        ring = new double[capacity];
    }

    void add(double x) {
        if (size == ring.length) {
            sum -= ring[head];
        } else {
            size++;
        }
        ring[head] = x;
        sum += x;
        head = (head + 1) % ring.length;
        if (head == 0) {
            double exact = 0;
            for (int i = 0; i < size; i++) {
                exact += ring[i];
            }
            sum = exact;
        }
    }

    int size() {
        return size;
    }

    double sum() {
        return sum;
    }

    /** The mean of the window; NaN when empty. */
    double mean() {
        return size == 0 ? Double.NaN : sum / size;
    }
}

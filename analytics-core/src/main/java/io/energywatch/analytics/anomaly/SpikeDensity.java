package io.energywatch.analytics.anomaly;

/**
 * How many of the last {@code density.window} rows had a raw |z| of at least {@code density.z}, against the largest
 * such count seen before: a burst of moderate residuals is an anomaly even when no single one is. Off when
 * {@code density.window} is 0.
 */
final class SpikeDensity {

    /** Fewest exceedances in a window that can be a spike-density anomaly. */
    private static final int MIN_COUNT = 3;
    /** Windows of scored rows seen before the record is trusted. */
    private static final int HISTORY_WINDOWS = 4;

    private final double z;
    private final boolean[] exceedances;
    private int head;
    private int count;
    private int max;
    private long rows;

    SpikeDensity(DetectorConfig.Density config) {
        this.z = config.z();
        this.exceedances = new boolean[Math.max(1, config.window())];
    }

    /**
     * Counts {@code absZ} in; returns how far the count went beyond the record (count / (record + 1)) when this row is
     * itself an exceedance that sets a new record, else 0. A value of 1 is "one exceedance more than ever before in a
     * window".
     */
    double next(double absZ) {
        boolean exceeds = absZ >= z;
        if (exceedances[head]) {
            count--;
        }
        exceedances[head] = exceeds;
        head = (head + 1) % exceedances.length;
        if (exceeds) {
            count++;
        }
        rows++;
        // Judged once the record has had a few windows to form, and never for fewer than three exceedances.
        double result = exceeds && count > max && count >= MIN_COUNT
                && rows >= HISTORY_WINDOWS * (long) exceedances.length
                ? count / (double) (max + 1) : 0;
        max = Math.max(max, count);
        return result;
    }
}

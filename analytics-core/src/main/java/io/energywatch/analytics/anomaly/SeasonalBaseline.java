package io.energywatch.analytics.anomaly;

/**
 * The expected value of a series for a weekday × time-of-day slot: the median of that slot's last few weeks, falling
 * back to the median of the same time of day over the last few days while fewer weeks are known. Medians of a short
 * history adapt to a new normal within a few periods and ignore isolated anomalies.
 */
final class SeasonalBaseline {

    private final int slotsPerDay;
    private final int depthWeeks;
    private final int depthDays;
    private final int minWeeks;
    private final int minDays;
    private final double[] weekly;
    private final int[] weeklyCount;
    private final int[] weeklyHead;
    private final double[] daily;
    private final int[] dailyCount;
    private final int[] dailyHead;
    private final double[] scratch;

    SeasonalBaseline(int slotsPerDay, int depthWeeks, int depthDays, int minWeeks, int minDays) {
        this.slotsPerDay = slotsPerDay;
        this.depthWeeks = depthWeeks;
        this.depthDays = depthDays;
        this.minWeeks = minWeeks;
        this.minDays = minDays;
        int weekSlots = 7 * slotsPerDay;
        weekly = new double[weekSlots * depthWeeks];
        weeklyCount = new int[weekSlots];
        weeklyHead = new int[weekSlots];
        daily = new double[slotsPerDay * depthDays];
        dailyCount = new int[slotsPerDay];
        dailyHead = new int[slotsPerDay];
        scratch = new double[Math.max(depthWeeks, depthDays)];
    }

    int slotsPerDay() {
        return slotsPerDay;
    }

    /** Expected value at {@code daySlot} of weekday {@code dayOfWeek} (0 = Monday); NaN while the slot is too young. */
    double expected(int dayOfWeek, int daySlot) {
        int weekSlot = dayOfWeek * slotsPerDay + daySlot;
        if (weeklyCount[weekSlot] >= minWeeks) {
            return median(weekly, weekSlot * depthWeeks, weeklyCount[weekSlot]);
        }
        if (dailyCount[daySlot] >= minDays) {
            return median(daily, daySlot * depthDays, dailyCount[daySlot]);
        }
        return Double.NaN;
    }

    void update(int dayOfWeek, int daySlot, double value) {
        int weekSlot = dayOfWeek * slotsPerDay + daySlot;
        weekly[weekSlot * depthWeeks + weeklyHead[weekSlot]] = value;
        weeklyHead[weekSlot] = (weeklyHead[weekSlot] + 1) % depthWeeks;
        weeklyCount[weekSlot] = Math.min(depthWeeks, weeklyCount[weekSlot] + 1);
        daily[daySlot * depthDays + dailyHead[daySlot]] = value;
        dailyHead[daySlot] = (dailyHead[daySlot] + 1) % depthDays;
        dailyCount[daySlot] = Math.min(depthDays, dailyCount[daySlot] + 1);
    }

    private double median(double[] store, int offset, int count) {
        // Insertion sort: the rings hold a handful of values.
        for (int i = 0; i < count; i++) {
            double v = store[offset + i];
            int j = i - 1;
            while (j >= 0 && scratch[j] > v) {
                scratch[j + 1] = scratch[j];
                j--;
            }
            scratch[j + 1] = v;
        }
        int mid = count >>> 1;
        return (count & 1) == 1 ? scratch[mid] : 0.5 * (scratch[mid - 1] + scratch[mid]);
    }
}

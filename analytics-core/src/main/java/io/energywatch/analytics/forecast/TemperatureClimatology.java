package io.energywatch.analytics.forecast;

import java.time.LocalDate;

/**
 * The normal temperature of each day of the year: the mean of the known temperatures within {@code windowDays} of it
 * (circularly) over every year of the history. Stands in for the weather of days beyond any known forecast.
 */
public final class TemperatureClimatology {

    private final double[] byDayOfYear = new double[367];

    public TemperatureClimatology(DailySeries history, int windowDays) {
        double[] sum = new double[367];
        int[] count = new int[367];
        for (DailyRecord r : history.records()) {
            if (r.hasTemperature()) {
                sum[r.date().getDayOfYear()] += r.tempMeanC();
                count[r.date().getDayOfYear()]++;
            }
        }
        for (int doy = 1; doy <= 366; doy++) {
            double s = 0;
            int c = 0;
            for (int k = -windowDays; k <= windowDays; k++) {
                int d = Math.floorMod(doy - 1 + k, 366) + 1;
                s += sum[d];
                c += count[d];
            }
            byDayOfYear[doy] = c == 0 ? Double.NaN : s / c;
        }
    }

    public double normal(LocalDate date) {
        return byDayOfYear[date.getDayOfYear()];
    }
}

package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;
import java.time.LocalDate;

/** A fitted forecaster of one day's energy from the series known at forecast time; NaN when it cannot say. */
public sealed interface Predictor extends Serializable {

    double predict(DailySeries series, LocalDate date);

    /** A regressor over the feature builder's rows. */
    record Regression(FeatureBuilder features, Regressor.Fitted model) implements Predictor {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public double predict(DailySeries series, LocalDate date) {
            double[] row = features.row(series, date);
            return row == null ? Double.NaN : model.predict(row);
        }
    }

    /** The value {@code lagDays} back, or the climatology when that day is unknown. */
    record Lag(int lagDays, Climatology fallback) implements Predictor {

        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public double predict(DailySeries series, LocalDate date) {
            double v = series.energy(date.minusDays(lagDays));
            return Double.isFinite(v) ? v : fallback.predict(series, date);
        }
    }

    /**
     * Mean training energy of the same weekday within {@code windowDays} of the same day of the year (circularly);
     * the same day-of-year window on any weekday when the training holds no such day; the overall mean last.
     */
    record Climatology(int[] dayOfYear, int[] dayOfWeek, double[] energy, int windowDays) implements Predictor {

        @Serial
        private static final long serialVersionUID = 1L;

        public static Climatology fit(FeatureMatrix train, int windowDays) {
            int n = train.rows();
            int[] doy = new int[n];
            int[] dow = new int[n];
            for (int i = 0; i < n; i++) {
                doy[i] = train.dates().get(i).getDayOfYear();
                dow[i] = train.dates().get(i).getDayOfWeek().getValue();
            }
            return new Climatology(doy, dow, train.y().clone(), windowDays);
        }

        @Override
        public double predict(DailySeries series, LocalDate date) {
            int doy = date.getDayOfYear();
            int dow = date.getDayOfWeek().getValue();
            double sameDay = 0;
            int sameDayCount = 0;
            double anyDay = 0;
            int anyDayCount = 0;
            double all = 0;
            for (int i = 0; i < energy.length; i++) {
                all += energy[i];
                int distance = Math.abs(dayOfYear[i] - doy);
                distance = Math.min(distance, 366 - distance);
                if (distance <= windowDays) {
                    anyDay += energy[i];
                    anyDayCount++;
                    if (dayOfWeek[i] == dow) {
                        sameDay += energy[i];
                        sameDayCount++;
                    }
                }
            }
            if (sameDayCount > 0) {
                return sameDay / sameDayCount;
            }
            if (anyDayCount > 0) {
                return anyDay / anyDayCount;
            }
            return energy.length == 0 ? Double.NaN : all / energy.length;
        }
    }
}

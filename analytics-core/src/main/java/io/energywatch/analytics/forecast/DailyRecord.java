package io.energywatch.analytics.forecast;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One local day of a daily series with what the forecaster knows about it. Missing is NaN, never 0: an unknown energy
 * (a future day, a gap) or an unknown temperature (a day without weather).
 *
 * @param energyMwh          the day's energy, MWh; NaN when unknown
 * @param tempMeanC          the day's mean temperature (population-weighted for a national series); NaN when unknown
 * @param strike             a social movement covers the day
 * @param strikerRatePercent highest striker rate of the day's movements, percent; 0 when none or unknown
 */
public record DailyRecord(LocalDate date, double energyMwh, double tempMeanC, boolean strike, double strikerRatePercent) {

    public DailyRecord {
        Objects.requireNonNull(date, "date");
        if (strikerRatePercent < 0 || Double.isNaN(strikerRatePercent)) {
            throw new IllegalArgumentException("striker rate must be a non-negative number: " + strikerRatePercent);
        }
    }

    /** A day whose energy is not known (yet): the context a forecast step is made with. */
    public static DailyRecord future(LocalDate date, double tempMeanC, boolean strike, double strikerRatePercent) {
        return new DailyRecord(date, Double.NaN, tempMeanC, strike, strikerRatePercent);
    }

    public boolean hasEnergy() {
        return Double.isFinite(energyMwh);
    }

    public boolean hasTemperature() {
        return Double.isFinite(tempMeanC);
    }

    public DailyRecord withTemperature(double t) {
        return new DailyRecord(date, energyMwh, t, strike, strikerRatePercent);
    }

    public DailyRecord withEnergy(double e) {
        return new DailyRecord(date, e, tempMeanC, strike, strikerRatePercent);
    }
}

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
 * @param weather            the day's other weather measures, each NaN when unknown
 */
public record DailyRecord(LocalDate date, double energyMwh, double tempMeanC, boolean strike, double strikerRatePercent,
                          DailyWeather weather) {

    public DailyRecord {
        Objects.requireNonNull(date, "date");
        if (strikerRatePercent < 0 || Double.isNaN(strikerRatePercent)) {
            throw new IllegalArgumentException("striker rate must be a non-negative number: " + strikerRatePercent);
        }
        weather = weather == null ? DailyWeather.UNKNOWN : weather;
    }

    /** A day of which only the mean temperature is known of the weather. */
    public DailyRecord(LocalDate date, double energyMwh, double tempMeanC, boolean strike, double strikerRatePercent) {
        this(date, energyMwh, tempMeanC, strike, strikerRatePercent, DailyWeather.UNKNOWN);
    }

    /** A day whose energy is not known (yet): the context a forecast step is made with. */
    public static DailyRecord future(LocalDate date, double tempMeanC, boolean strike, double strikerRatePercent) {
        return new DailyRecord(date, Double.NaN, tempMeanC, strike, strikerRatePercent, DailyWeather.UNKNOWN);
    }

    /** A future day with more of its weather known than the mean temperature. */
    public static DailyRecord future(LocalDate date, double tempMeanC, DailyWeather weather, boolean strike,
                                     double strikerRatePercent) {
        return new DailyRecord(date, Double.NaN, tempMeanC, strike, strikerRatePercent, weather);
    }

    public boolean hasEnergy() {
        return Double.isFinite(energyMwh);
    }

    public boolean hasTemperature() {
        return Double.isFinite(tempMeanC);
    }

    public DailyRecord withTemperature(double t) {
        return new DailyRecord(date, energyMwh, t, strike, strikerRatePercent, weather);
    }

    public DailyRecord withEnergy(double e) {
        return new DailyRecord(date, e, tempMeanC, strike, strikerRatePercent, weather);
    }
}

package io.energywatch.ingestion.simulator;

import java.util.Objects;

/**
 * Tunables of simulated electricity demand. National figures are shared between regions by population, so the sum of the
 * regions behaves like France (about 54 GW on average over a year).
 *
 * @param nationalBaseLoadMw         national non-thermal demand on a working day, MW
 * @param heatingThresholdC          effective temperature below which electric heating starts
 * @param heatingGradientMwPerC      national extra demand per degree below the heating threshold
 * @param coolingThresholdC          effective temperature above which air conditioning starts
 * @param coolingGradientMwPerC      national extra demand per degree above the cooling threshold
 * @param thermalInertia             weight (0..1) of yesterday's temperature in the effective temperature (buildings lag)
 * @param lightingPerDarkHour        relative extra base demand per hour of day length below twelve hours
 * @param saturdayFactor             base demand on Saturdays relative to a working day
 * @param sundayFactor               base demand on Sundays relative to a working day
 * @param holidayFactor              base demand on public holidays relative to a working day
 * @param summerBreakReduction       relative base demand reduction at the height of the August break
 * @param summerBreakPeakDayOfYear   day of year the August break is deepest
 * @param summerBreakWidthDays       standard deviation of the August break, days
 * @param yearEndReduction           relative base demand reduction between 24 December and 1 January
 * @param dailyNoiseSd               relative standard deviation of a day's level
 * @param halfHourNoiseSd            relative standard deviation of each half-hour
 * @param powerDecimals              decimals kept in half-hourly powers (meters and TSOs publish rounded values)
 * @param workday                    intraday shape of working days
 * @param saturday                   intraday shape of Saturdays
 * @param sundayOrHoliday            intraday shape of Sundays and public holidays
 */
public record ConsumptionModel(double nationalBaseLoadMw, double heatingThresholdC, double heatingGradientMwPerC,
                               double coolingThresholdC, double coolingGradientMwPerC, double thermalInertia,
                               double lightingPerDarkHour, double saturdayFactor, double sundayFactor,
                               double holidayFactor, double summerBreakReduction, int summerBreakPeakDayOfYear,
                               double summerBreakWidthDays, double yearEndReduction, double dailyNoiseSd,
                               double halfHourNoiseSd, int powerDecimals, IntradayProfile workday,
                               IntradayProfile saturday, IntradayProfile sundayOrHoliday) {

    public ConsumptionModel {
        Objects.requireNonNull(workday, "workday");
        Objects.requireNonNull(saturday, "saturday");
        Objects.requireNonNull(sundayOrHoliday, "sundayOrHoliday");
        if (heatingThresholdC > coolingThresholdC) {
            throw new IllegalArgumentException("heating threshold " + heatingThresholdC
                    + " °C is above cooling threshold " + coolingThresholdC + " °C");
        }
        if (thermalInertia < 0 || thermalInertia > 1) {
            throw new IllegalArgumentException("thermalInertia must be in [0, 1], was " + thermalInertia);
        }
        if (powerDecimals < 0 || powerDecimals > 6) {
            throw new IllegalArgumentException("powerDecimals must be in [0, 6], was " + powerDecimals);
        }
    }

    /** About RTE's orders of magnitude: 2.4 GW more per degree colder in winter, a few hundred MW per degree of heat. */
    public static ConsumptionModel defaults() {
        return new ConsumptionModel(46_000, 15.0, 2_400, 22.0, 600, 0.3, 0.01, 0.93, 0.87, 0.87, 0.07, 224, 10,
                0.05, 0.012, 0.008, 1, IntradayProfile.workday(), IntradayProfile.saturday(),
                IntradayProfile.sundayOrHoliday());
    }

    public ConsumptionModel withThresholds(double heatingC, double coolingC) {
        return new ConsumptionModel(nationalBaseLoadMw, heatingC, heatingGradientMwPerC, coolingC, coolingGradientMwPerC,
                thermalInertia, lightingPerDarkHour, saturdayFactor, sundayFactor, holidayFactor, summerBreakReduction,
                summerBreakPeakDayOfYear, summerBreakWidthDays, yearEndReduction, dailyNoiseSd, halfHourNoiseSd,
                powerDecimals, workday, saturday, sundayOrHoliday);
    }
}

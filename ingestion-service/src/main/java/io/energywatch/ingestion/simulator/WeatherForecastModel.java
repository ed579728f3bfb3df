package io.energywatch.ingestion.simulator;

import java.time.LocalTime;

/**
 * How the simulator issues weather forecasts: every simulated day at {@code issueTime} local, for each region, the next
 * {@code maxLeadDays} days (those within the simulation), each the simulated truth plus a Gaussian error whose standard
 * deviation grows with the lead: {@code baseSdC + sdPerLeadDayC × lead}. The error is drawn once per forecast and shifts
 * the minimum, mean and maximum alike (a forecast too warm is too warm all day).
 *
 * @param maxLeadDays   how many days ahead each issue reaches
 * @param issueTime     local time of day of every issue
 * @param baseSdC       error standard deviation before any lead, °C
 * @param sdPerLeadDayC added standard deviation per lead day, °C
 */
public record WeatherForecastModel(int maxLeadDays, LocalTime issueTime, double baseSdC, double sdPerLeadDayC) {

    public WeatherForecastModel {
        if (maxLeadDays < 1 || baseSdC < 0 || sdPerLeadDayC < 0 || issueTime == null) {
            throw new IllegalArgumentException("weather forecasts need a lead of at least 1 day, an issue time and "
                    + "non-negative error deviations");
        }
    }

    /** Seven days ahead, issued at 06:00, σ = 1 °C + 0.3 °C per lead day (1.3 °C at D+1, 3.1 °C at D+7). */
    public static WeatherForecastModel defaults() {
        return new WeatherForecastModel(7, LocalTime.of(6, 0), 1.0, 0.3);
    }

    double sdC(int leadDays) {
        return baseSdC + sdPerLeadDayC * leadDays;
    }
}

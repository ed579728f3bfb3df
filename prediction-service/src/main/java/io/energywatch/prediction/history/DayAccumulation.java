package io.energywatch.prediction.history;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailyWeather;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one local day of a series: its intervals' energies (by interval start, epoch seconds), its weather
 * and its social movements. The day's energy is known only once intervals with a value cover the whole local day (23,
 * 24 or 25 hours); a partial day has an unknown energy, never a low one.
 *
 * @param weather the day's weather beyond its mean temperature, each measure NaN when unknown
 */
public record DayAccumulation(LocalDate date, Map<Long, Interval> intervals, @Nullable Double tempMeanC,
                              DailyWeather weather, boolean strike, double strikerRatePercent) {

    public DayAccumulation {
        weather = weather == null ? DailyWeather.UNKNOWN : weather;
    }

    /** A day of which only the mean temperature is known of the weather. */
    public DayAccumulation(LocalDate date, Map<Long, Interval> intervals, @Nullable Double tempMeanC, boolean strike,
                           double strikerRatePercent) {
        this(date, intervals, tempMeanC, DailyWeather.UNKNOWN, strike, strikerRatePercent);
    }

    /** One interval: its energy (null when the measurement was missing) and its length. */
    public record Interval(@Nullable Double energyMwh, long seconds) {
    }

    public DailyRecord toRecord(ZoneId zone) {
        long daySeconds = Duration.between(date.atStartOfDay(zone), date.plusDays(1).atStartOfDay(zone)).toSeconds();
        long covered = 0;
        double energy = 0;
        for (Interval i : intervals.values()) {
            if (i.energyMwh() != null) {
                covered += i.seconds();
                energy += i.energyMwh();
            }
        }
        return new DailyRecord(date, covered >= daySeconds ? energy : Double.NaN,
                tempMeanC == null ? Double.NaN : tempMeanC, strike, strikerRatePercent, weather);
    }
}

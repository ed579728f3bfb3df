package io.energywatch.fusion.enrichment;

import io.energywatch.analytics.calendar.BridgeDays;
import io.energywatch.analytics.calendar.DayLength;
import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.analytics.calendar.PublicHoliday;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Calendar features of a local day for an area: weekday, weekend, French public holiday (Easter-based ones included),
 * bridge day, and day length at the region's prefecture, or for {@code FR} the population-weighted mean of the regions'
 * day lengths (the same weighting as the national temperature).
 */
final class CalendarFeatures {

    private CalendarFeatures() {
    }

    static CalendarContext of(LocalDate date, String area) {
        Optional<PublicHoliday> holiday = FrenchHolidays.holiday(date);
        return new CalendarContext(date.getDayOfWeek(), BridgeDays.isWeekend(date), holiday.isPresent(),
                holiday.map(PublicHoliday::name).orElse(null), BridgeDays.isBridgeDay(date), dayLengthMin(date, area));
    }

    static double dayLengthMin(LocalDate date, String area) {
        Optional<Region> region = Regions.byCode(area);
        if (region.isPresent()) {
            return round1(DayLength.minutes(region.get().latitude(), date));
        }
        double sum = 0;
        for (Region r : Regions.ALL) {
            sum += DayLength.minutes(r.latitude(), date) * r.population();
        }
        return round1(sum / Regions.totalPopulation());
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}

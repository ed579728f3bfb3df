package io.energywatch.analytics.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Bridge days ("ponts"): a working day (Monday to Friday, not a public holiday) with a public holiday on one side and a
 * Saturday or Sunday on the other. In practice a Monday before a Tuesday holiday or a Friday after a Thursday holiday
 * (the Ascension Friday every year); a holiday on a weekend makes no bridge, and a two-day gap (a Wednesday holiday) is
 * not one either, because few people take two days off for it and demand does not show it.
 */
public final class BridgeDays {

    private BridgeDays() {
    }

    public static boolean isBridgeDay(LocalDate date) {
        if (!isWorkingDay(date)) {
            return false;
        }
        LocalDate before = date.minusDays(1);
        LocalDate after = date.plusDays(1);
        return FrenchHolidays.isHoliday(before) && isWeekend(after)
                || isWeekend(before) && FrenchHolidays.isHoliday(after);
    }

    public static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Monday to Friday and not a public holiday. */
    public static boolean isWorkingDay(LocalDate date) {
        return !isWeekend(date) && !FrenchHolidays.isHoliday(date);
    }
}

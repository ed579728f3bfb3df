package io.energywatch.analytics.calendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The eleven national public holidays of metropolitan France, computed for any Gregorian year (the movable ones from
 * Easter). Alsace-Moselle's two local holidays (Good Friday, 26 December) are not national and are not included.
 */
public final class FrenchHolidays {

    private FrenchHolidays() {
    }

    /** The year's eleven holidays in date order. */
    public static List<PublicHoliday> of(int year) {
        LocalDate easter = easterSunday(year);
        return Stream.of(
                        new PublicHoliday(LocalDate.of(year, Month.JANUARY, 1), "Jour de l'an"),
                        new PublicHoliday(easter.plusDays(1), "Lundi de Pâques"),
                        new PublicHoliday(LocalDate.of(year, Month.MAY, 1), "Fête du Travail"),
                        new PublicHoliday(LocalDate.of(year, Month.MAY, 8), "Victoire 1945"),
                        new PublicHoliday(easter.plusDays(39), "Ascension"),
                        new PublicHoliday(easter.plusDays(50), "Lundi de Pentecôte"),
                        new PublicHoliday(LocalDate.of(year, Month.JULY, 14), "Fête nationale"),
                        new PublicHoliday(LocalDate.of(year, Month.AUGUST, 15), "Assomption"),
                        new PublicHoliday(LocalDate.of(year, Month.NOVEMBER, 1), "Toussaint"),
                        new PublicHoliday(LocalDate.of(year, Month.NOVEMBER, 11), "Armistice 1918"),
                        new PublicHoliday(LocalDate.of(year, Month.DECEMBER, 25), "Noël"))
                // Ascension can fall on 1 or 8 May (it did in 2008); both stay listed, sorted by date.
                .sorted(Comparator.comparing(PublicHoliday::date))
                .toList();
    }

    /** The holiday falling on {@code date}, if any. */
    public static Optional<PublicHoliday> holiday(LocalDate date) {
        return of(date.getYear()).stream().filter(h -> h.date().equals(date)).findFirst();
    }

    public static boolean isHoliday(LocalDate date) {
        return holiday(date).isPresent();
    }

    /** Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm. */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}

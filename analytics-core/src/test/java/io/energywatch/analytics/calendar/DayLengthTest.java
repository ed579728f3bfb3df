package io.energywatch.analytics.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Day lengths against published sunrise and sunset tables. */
class DayLengthTest {

    @Test
    void parisDaysMatchThePublishedSolsticeLengths() {
        // Paris, 21 June 2024: sunrise 05:46, sunset 21:58 (16 h 12 min); 21 December 2024: 08:41 to 16:56 (8 h 15 min).
        assertThat(DayLength.minutes(48.857, LocalDate.of(2024, 6, 21))).isCloseTo(16 * 60 + 12, within(4.0));
        assertThat(DayLength.minutes(48.857, LocalDate.of(2024, 12, 21))).isCloseTo(8 * 60 + 15, within(4.0));
    }

    @Test
    void theSouthHasShorterSummerDaysAndLongerWinterDaysThanTheNorth() {
        LocalDate summer = LocalDate.of(2025, 6, 21);
        LocalDate winter = LocalDate.of(2025, 12, 21);
        double lille = 50.629;
        double ajaccio = 41.919;
        assertThat(DayLength.minutes(ajaccio, summer)).isLessThan(DayLength.minutes(lille, summer));
        assertThat(DayLength.minutes(ajaccio, winter)).isGreaterThan(DayLength.minutes(lille, winter));
    }

    @Test
    void equinoxDaysLastAboutTwelveHoursAndAFewMinutes() {
        assertThat(DayLength.minutes(45.0, LocalDate.of(2024, 3, 20))).isBetween(720.0, 735.0);
    }

    @Test
    void polarNightAndMidnightSunAreClampedNotNaN() {
        assertThat(DayLength.minutes(80.0, LocalDate.of(2024, 12, 21))).isZero();
        assertThat(DayLength.minutes(80.0, LocalDate.of(2024, 6, 21))).isEqualTo(1440.0);
    }
}

package io.energywatch.analytics.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class FrenchHolidaysTest {

    @Test
    void theElevenHolidaysOf2024AreTheOfficialOnes() {
        assertThat(FrenchHolidays.of(2024)).extracting(PublicHoliday::date).containsExactly(
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 4, 1), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 8), LocalDate.of(2024, 5, 9), LocalDate.of(2024, 5, 20),
                LocalDate.of(2024, 7, 14), LocalDate.of(2024, 8, 15), LocalDate.of(2024, 11, 1),
                LocalDate.of(2024, 11, 11), LocalDate.of(2024, 12, 25));
    }

    @Test
    void theElevenHolidaysOf2025AreTheOfficialOnes() {
        assertThat(FrenchHolidays.of(2025)).extracting(PublicHoliday::date).containsExactly(
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 4, 21), LocalDate.of(2025, 5, 1),
                LocalDate.of(2025, 5, 8), LocalDate.of(2025, 5, 29), LocalDate.of(2025, 6, 9),
                LocalDate.of(2025, 7, 14), LocalDate.of(2025, 8, 15), LocalDate.of(2025, 11, 1),
                LocalDate.of(2025, 11, 11), LocalDate.of(2025, 12, 25));
    }

    @Test
    void movableHolidaysCarryTheirNames() {
        assertThat(FrenchHolidays.holiday(LocalDate.of(2025, 4, 21))).map(PublicHoliday::name).contains("Lundi de Pâques");
        assertThat(FrenchHolidays.holiday(LocalDate.of(2025, 5, 29))).map(PublicHoliday::name).contains("Ascension");
        assertThat(FrenchHolidays.holiday(LocalDate.of(2025, 6, 9))).map(PublicHoliday::name).contains("Lundi de Pentecôte");
    }

    @Test
    void easterSundayMatchesKnownDatesAcrossCenturies() {
        assertThat(FrenchHolidays.easterSunday(1954)).isEqualTo(LocalDate.of(1954, 4, 18));
        assertThat(FrenchHolidays.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(FrenchHolidays.easterSunday(2008)).isEqualTo(LocalDate.of(2008, 3, 23));
        assertThat(FrenchHolidays.easterSunday(2038)).isEqualTo(LocalDate.of(2038, 4, 25));
    }

    @Test
    void ordinaryDaysAndEasterSundayItselfAreNotHolidays() {
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2024, 3, 31))).isFalse();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2024, 12, 26))).isFalse();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2024, 7, 15))).isFalse();
        assertThat(FrenchHolidays.isHoliday(LocalDate.of(2024, 7, 14))).isTrue();
    }
}

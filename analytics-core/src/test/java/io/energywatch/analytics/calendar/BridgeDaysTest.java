package io.energywatch.analytics.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bridge days of 2024 and 2025, listed by hand from the calendar. */
class BridgeDaysTest {

    @Test
    void theBridgeDaysOf2024And2025AreExactlyTheWorkingDaysBetweenAHolidayAndAWeekend() {
        // 2024: Ascension Thu 9 May -> Fri 10 May; 15 August Thu -> Fri 16 Aug (1 and 8 May are Wednesdays: no bridge).
        // 2025: 1 May, 8 May, Ascension 29 May and Christmas are Thursdays -> Fridays 2 May, 9 May, 30 May, 26 Dec;
        // 11 November is a Tuesday -> Monday 10 November. 1 November 2025 is a Saturday: no bridge.
        List<LocalDate> expected = List.of(LocalDate.of(2024, 5, 10), LocalDate.of(2024, 8, 16),
                LocalDate.of(2025, 5, 2), LocalDate.of(2025, 5, 9), LocalDate.of(2025, 5, 30),
                LocalDate.of(2025, 11, 10), LocalDate.of(2025, 12, 26));
        List<LocalDate> found = Stream.iterate(LocalDate.of(2024, 1, 1), d -> d.isBefore(LocalDate.of(2026, 1, 1)),
                d -> d.plusDays(1)).filter(BridgeDays::isBridgeDay).toList();
        assertThat(found).containsExactlyElementsOf(expected);
    }

    @Test
    void holidaysAndWeekendsAreNeverBridgeDays() {
        assertThat(BridgeDays.isBridgeDay(LocalDate.of(2024, 5, 9))).isFalse();
        assertThat(BridgeDays.isBridgeDay(LocalDate.of(2024, 5, 11))).isFalse();
        assertThat(BridgeDays.isWorkingDay(LocalDate.of(2024, 5, 10))).isTrue();
    }
}

package io.energywatch.anomaly.notifications;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours are local Europe/Paris times, may span midnight, and end at the first instant outside them. */
class QuietHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @Test
    void aWindowAcrossMidnightHoldsUntilTheMorning() {
        Instant lateEvening = Instant.parse("2026-01-15T22:30:00Z"); // 23:30 in Paris (UTC+1)
        assertThat(NIGHT.contains(lateEvening, PARIS)).isTrue();
        assertThat(NIGHT.endAfter(lateEvening, PARIS)).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
        Instant earlyMorning = Instant.parse("2026-01-16T04:00:00Z"); // 05:00 in Paris
        assertThat(NIGHT.endAfter(earlyMorning, PARIS)).isEqualTo(Instant.parse("2026-01-16T06:00:00Z"));
    }

    @Test
    void outsideTheWindowNothingIsHeld() {
        Instant noon = Instant.parse("2026-01-15T11:00:00Z");
        assertThat(NIGHT.contains(noon, PARIS)).isFalse();
        assertThat(NIGHT.endAfter(noon, PARIS)).isEqualTo(noon);
        assertThat(NIGHT.contains(Instant.parse("2026-01-16T06:00:00Z"), PARIS)).as("the end is exclusive").isFalse();
        assertThat(NIGHT.contains(Instant.parse("2026-01-15T21:00:00Z"), PARIS)).as("the start is inclusive")
                .isTrue();
    }

    @Test
    void localTimeFollowsSummerTime() {
        var lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0));
        Instant summerNoon = Instant.parse("2026-07-01T10:30:00Z"); // 12:30 in Paris (UTC+2)
        assertThat(lunch.contains(summerNoon, PARIS)).isTrue();
        assertThat(lunch.endAfter(summerNoon, PARIS)).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThat(lunch.contains(Instant.parse("2026-01-15T10:30:00Z"), PARIS)).as("11:30 in winter").isFalse();
    }
}

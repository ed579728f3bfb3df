package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesClockTest {

    private static DetectorConfig.Timing timing(ZoneId zone, int slotMinutes) {
        return new DetectorConfig.Timing(zone, slotMinutes, 5, 48, Duration.ofDays(2));
    }

    @Test
    void theSlotIsLearnedOnceFromTheFirstGapAndRoundedUpToDivideTheDay() {
        var clock = new SeriesClock(timing(ZoneOffset.UTC, 0));
        assertThat(clock.observe(1000)).isFalse();
        assertThat(clock.slotted()).isFalse();
        assertThat(clock.position(Instant.ofEpochSecond(1000))).isEqualTo(SeriesClock.Position.NONE);
        assertThat(clock.halfLifePoints(Duration.ofDays(1))).isEqualTo(Long.MAX_VALUE);

        assertThat(clock.observe(1000 + 7 * 60)).isTrue(); // a 7-minute gap: 7.2-minute slots divide the day
        assertThat(clock.slotsPerDay()).isEqualTo(200);
        assertThat(clock.halfLifePoints(Duration.ofHours(7))).isEqualTo(60);
        assertThat(clock.observe(1000 + 60 * 60)).isFalse();
        assertThat(clock.slotsPerDay()).isEqualTo(200);
        assertThat(clock.secondsSinceFirst(1000 + 60 * 60)).isEqualTo(3600);
    }

    @Test
    void aGapShorterThanTheMinimumSlotUsesTheMinimumAndAConfiguredSlotIsKnownFromTheStart() {
        var fast = new SeriesClock(timing(ZoneOffset.UTC, 0));
        fast.observe(0);
        fast.observe(10);
        assertThat(fast.slotsPerDay()).isEqualTo(288);
        assertThat(fast.halfLifePoints(Duration.ofMinutes(1))).isEqualTo(6);

        var configured = new SeriesClock(timing(ZoneOffset.UTC, 60));
        assertThat(configured.slotted()).isTrue();
        assertThat(configured.slotsPerDay()).isEqualTo(24);
        assertThat(configured.observe(0)).isFalse();
    }

    @Test
    void positionsAreLocalWeekdaysAndSlotsAcrossASummerTimeChange() {
        var clock = new SeriesClock(timing(ZoneId.of("Europe/Paris"), 30));
        // Sunday 31 March 2024, 00:30 UTC = 01:30 CET; 02:30 UTC = 04:30 CEST.
        var beforeChange = clock.position(Instant.parse("2024-03-31T00:30:00Z"));
        var afterChange = clock.position(Instant.parse("2024-03-31T02:30:00Z"));
        assertThat(beforeChange.dayOfWeek()).isEqualTo(6);
        assertThat(beforeChange.daySlot()).isEqualTo(3);
        assertThat(afterChange.daySlot()).isEqualTo(9);
        assertThat(afterChange.day()).isEqualTo(beforeChange.day());
        assertThat(clock.position(Instant.parse("2024-04-01T08:00:00Z")).dayOfWeek()).isZero();
    }
}

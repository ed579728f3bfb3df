package io.energywatch.analytics.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.zone.ZoneRules;

/**
 * Where a series is in time: its first timestamp, its step (the first gap, or the configured slot), and each row's
 * local day, weekday and time-of-day slot in the configured zone. The slot width is known from the second distinct
 * timestamp on (or from the start when configured), and never changes after.
 */
final class SeriesClock {

    static final long SECONDS_PER_DAY = 86_400;

    /** A row's local calendar position; all zero while the slot width is unknown. */
    record Position(long day, int dayOfWeek, int daySlot) {
        static final Position NONE = new Position(0, 0, 0);
    }

    private final ZoneRules zoneRules;
    private final long minSlotSeconds;
    private long firstEpochSecond = Long.MIN_VALUE;
    private int slotSeconds;
    private long stepSeconds;

    SeriesClock(DetectorConfig.Timing timing) {
        this.zoneRules = timing.zone().getRules();
        this.minSlotSeconds = timing.minSlotMinutes() * 60L;
        if (timing.slotMinutes() > 0) {
            configure(timing.slotMinutes() * 60L);
        }
    }

    /**
     * Registers a row's time. Returns true on the one call that learns the slot width from the first gap, so the
     * features that need it (the seasonal baseline, the drift's half-lives in rows) can start.
     */
    boolean observe(long epochSecond) {
        boolean learned = false;
        if (slotSeconds == 0 && firstEpochSecond != Long.MIN_VALUE && epochSecond > firstEpochSecond) {
            configure(epochSecond - firstEpochSecond);
            learned = true;
        }
        if (firstEpochSecond == Long.MIN_VALUE) {
            firstEpochSecond = epochSecond;
        }
        return learned;
    }

    /** Whether the slot width is known (configured, or learned from the first gap). */
    boolean slotted() {
        return slotSeconds > 0;
    }

    int slotsPerDay() {
        return (int) (SECONDS_PER_DAY / slotSeconds);
    }

    Position position(Instant t) {
        if (!slotted()) {
            return Position.NONE;
        }
        long local = t.getEpochSecond() + zoneRules.getOffset(t).getTotalSeconds();
        long day = Math.floorDiv(local, SECONDS_PER_DAY);
        int dayOfWeek = (int) Math.floorMod(day + 3, 7L); // 1970-01-01 was a Thursday; Monday = 0
        return new Position(day, dayOfWeek, (int) (Math.floorMod(local, SECONDS_PER_DAY) / slotSeconds));
    }

    /** Seconds from the first row with a value to {@code epochSecond}; 0 before any. */
    long secondsSinceFirst(long epochSecond) {
        return firstEpochSecond == Long.MIN_VALUE ? 0 : epochSecond - firstEpochSecond;
    }

    /** How many rows a half-life spans at the series' step; unbounded while the step is unknown. */
    long halfLifePoints(Duration halfLife) {
        return stepSeconds == 0 ? Long.MAX_VALUE : Math.max(1, halfLife.toSeconds() / stepSeconds);
    }

    private void configure(long gapSeconds) {
        long seconds = Math.min(SECONDS_PER_DAY, Math.max(minSlotSeconds, gapSeconds));
        // A slot must divide the day evenly, or slots would drift across days.
        while (SECONDS_PER_DAY % seconds != 0) {
            seconds++;
        }
        slotSeconds = (int) seconds;
        stepSeconds = Math.max(1, gapSeconds);
    }
}

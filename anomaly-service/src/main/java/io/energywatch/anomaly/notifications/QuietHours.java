package io.energywatch.anomaly.notifications;

import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily local-time window in which a rule's notifications are held: {@code start} inclusive, {@code end} exclusive;
 * a window whose end is before its start spans midnight (22:00–07:00). Times are local to the configured zone
 * (Europe/Paris), written {@code "22:00"}.
 */
public record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end) {

    boolean contains(Instant instant, ZoneId zone) {
        LocalTime t = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !t.isBefore(start) && t.isBefore(end)
                : !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * The first instant at or after {@code instant} outside the window: when held notifications go out. A daylight-
     * saving gap at {@code end} moves it to the first valid local time after the gap.
     */
    Instant endAfter(Instant instant, ZoneId zone) {
        if (!contains(instant, zone)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime sameDay = local.toLocalDate().atTime(end).atZone(zone);
        return (sameDay.toInstant().isAfter(instant) ? sameDay
                : local.toLocalDate().plusDays(1).atTime(end).atZone(zone)).toInstant();
    }
}

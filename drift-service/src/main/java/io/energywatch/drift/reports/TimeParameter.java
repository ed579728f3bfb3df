package io.energywatch.drift.reports;

import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A time query parameter: an ISO-8601 instant, or a local date meaning that Europe/Paris day, so a {@code from} date
 * starts at its first instant and a {@code to} date ends after its last (the bound is exclusive).
 */
final class TimeParameter {

    private TimeParameter() {
    }

    static @Nullable Instant from(String name, @Nullable String value) {
        return TimeWindow.instant(name, value, false);
    }

    static @Nullable Instant to(String name, @Nullable String value) {
        return TimeWindow.instant(name, value, true);
    }
}

package io.energywatch.drift.reports;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A time query parameter: an ISO-8601 instant, or a local date meaning that Europe/Paris day, so a {@code from} date
 * starts at its first instant and a {@code to} date ends after its last (the bound is exclusive).
 */
final class TimeParameter {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private TimeParameter() {
    }

    static @Nullable Instant from(String name, @Nullable String value) {
        return parse(name, value, 0);
    }

    static @Nullable Instant to(String name, @Nullable String value) {
        return parse(name, value, 1);
    }

    private static @Nullable Instant parse(String name, @Nullable String value, int daysAfter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).plusDays(daysAfter).atStartOfDay(PARIS).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-request", "parameter '" + name + "' is not a time",
                    List.of(ProblemError.field(name, value, "an ISO-8601 instant or a local date")));
        }
    }
}

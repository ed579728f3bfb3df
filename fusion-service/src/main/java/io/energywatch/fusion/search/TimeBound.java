package io.energywatch.fusion.search;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A time query parameter: an ISO-8601 instant, or a local date meaning the Europe/Paris day (DESIGN.md). A {@code to}
 * date includes its whole day.
 */
final class TimeBound {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private TimeBound() {
    }

    static @Nullable Instant from(String name, @Nullable String value) {
        return value == null || value.isBlank() ? null : parse(name, value, false);
    }

    /** The exclusive end: a local date's next midnight, an instant as given. */
    static @Nullable Instant toExclusive(String name, @Nullable String value) {
        return value == null || value.isBlank() ? null : parse(name, value, true);
    }

    static LocalDate localDate(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value) : LocalDate.ofInstant(Instant.parse(value), PARIS);
        } catch (DateTimeParseException e) {
            throw invalid(name, value);
        }
    }

    private static Instant parse(String name, String value, boolean end) {
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                instant = (end ? date.plusDays(1) : date).atStartOfDay(PARIS).toInstant();
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw invalid(name, value);
        }
        // Elasticsearch's dates stop at year 9999: a bound beyond fails the whole search instead of matching nothing.
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.badRequest("invalid-request", "parameter '" + name + "' is outside the years "
                    + "0001 to 9999", List.of(ProblemError.field(name, value, "must be within years 0001 to 9999")));
        }
        return instant;
    }

    static ProblemException invalid(String name, String value) {
        return ProblemException.badRequest("invalid-request", "parameter '" + name + "' is not an ISO-8601 instant "
                + "or local date", List.of(ProblemError.field(name, value, "expected 2024-07-14 or 2024-07-14T10:00:00Z")));
    }
}

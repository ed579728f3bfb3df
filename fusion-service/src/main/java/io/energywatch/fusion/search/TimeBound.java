package io.energywatch.fusion.search;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
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

    private TimeBound() {
    }

    static @Nullable Instant from(String name, @Nullable String value) {
        return TimeWindow.instant(name, value, false);
    }

    /** The exclusive end: a local date's next midnight, an instant as given. */
    static @Nullable Instant toExclusive(String name, @Nullable String value) {
        return TimeWindow.instant(name, value, true);
    }

    static LocalDate localDate(String name, String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value) : LocalDate.ofInstant(Instant.parse(value), PARIS);
        } catch (DateTimeParseException e) {
            throw invalid(name, value);
        }
    }

    static ProblemException invalid(String name, String value) {
        return ProblemException.badRequest("invalid-request", "parameter '" + name + "' is not an ISO-8601 instant "
                + "or local date", List.of(ProblemError.field(name, value, "expected 2024-07-14 or 2024-07-14T10:00:00Z")));
    }
}

package io.energywatch.service.web;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time window a read covers, as stats and summaries echo it: {@code from} inclusive, {@code to} exclusive (null =
 * open on that side), and {@code hours} when the window came from the {@code hours=} shortcut. The shortcuts
 * ({@code hours=H}: the H hours ending at the data's last instant; {@code latest=N}: the N most recent points) replace
 * {@code from}/{@code to}, so mixing them is a 400 naming the parameters.
 */
public record TimeWindow(@Nullable Instant from, @Nullable Instant to, @Nullable Integer hours) {

    public static final String HOURS = "hours";
    public static final String LATEST = "latest";
    /** Local dates in query parameters are Europe/Paris days. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant FIRST_STORABLE = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_STORABLE = Instant.parse("9999-12-31T23:59:59Z");
    /** The reason given for a time or date outside {@link #storableYear}. */
    public static final String STORABLE_YEARS = "must be within years 0001 to 9999";

    /** No bound: everything. */
    public static TimeWindow all() {
        return new TimeWindow(null, null, null);
    }

    /** The {@code hours} hours ending at {@code end} (the data's last instant, not now: a historical load answers). */
    public static TimeWindow hoursEndingAt(int hours, Instant end) {
        return new TimeWindow(end.minus(Duration.ofHours(hours)), end, hours);
    }

    /**
     * The window {@code from}/{@code to} query parameters give (shared/DESIGN.md): each an ISO-8601 instant or a local
     * date meaning the Europe/Paris day, a {@code to} date included whole; a 400 naming the parameter when unreadable.
     */
    public static TimeWindow of(@Nullable String from, @Nullable String to) {
        return new TimeWindow(instant("from", from, false), instant("to", to, true), null);
    }

    /**
     * One time query parameter: an ISO-8601 instant, or a local date meaning the Europe/Paris day ({@code end}: the
     * next midnight, so a {@code to} date is included whole); null when absent. A 400 naming the parameter when it is
     * unreadable or outside the years 0001-9999, which Elasticsearch's dates end at (beyond them a search fails as a
     * whole instead of matching nothing).
     */
    public static @Nullable Instant instant(String name, @Nullable String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                instant = (end ? day.plusDays(1) : day).atStartOfDay(PARIS).toInstant();
            } else {
                instant = Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-request", name + " is neither an ISO-8601 instant nor a date",
                    List.of(ProblemError.field(name, value, "expected e.g. 2024-07-14 or 2024-07-14T10:00:00Z")));
        }
        if (instant.isBefore(FIRST_STORABLE) || instant.isAfter(LAST_STORABLE)) {
            throw ProblemException.badRequest("invalid-request", name + " is outside the years 0001 to 9999",
                    List.of(ProblemError.field(name, value, STORABLE_YEARS)));
        }
        return instant;
    }

    /**
     * Whether a local date's (or month's) year is within 0001-9999, as {@link #instant} requires of instants: the
     * years Elasticsearch's dates and unsigned ISO-8601 text cover (beyond them, stored dates compare as text wrongly
     * and day-by-day walks last for hours).
     */
    public static boolean storableYear(int year) {
        return year >= 1 && year <= 9999;
    }

    public boolean contains(Instant instant) {
        return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
    }

    /**
     * Fails with a 400 ({@code conflicting-parameters}) naming every given parameter when more than one of
     * {@code from}/{@code to}, {@code hours} and {@code latest} is given; checks that {@code hours} and {@code latest}
     * are at least 1 (pass null for a shortcut the route does not offer).
     */
    public static void requireExclusive(@Nullable String from, @Nullable String to, @Nullable Integer hours,
                                        @Nullable Integer latest) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (from != null && !from.isBlank()) {
            given.put("from", from);
        }
        if (to != null && !to.isBlank()) {
            given.put("to", to);
        }
        boolean range = !given.isEmpty();
        if (hours != null) {
            given.put(HOURS, hours);
        }
        if (latest != null) {
            given.put(LATEST, latest);
        }
        int ways = (range ? 1 : 0) + (hours != null ? 1 : 0) + (latest != null ? 1 : 0);
        if (ways > 1) {
            List<ProblemError> errors = new ArrayList<>();
            given.forEach((name, value) -> errors.add(ProblemError.field(name, value,
                    "cannot be combined with " + String.join(", ", given.keySet().stream()
                            .filter(other -> !other.equals(name)).toList()))));
            throw ProblemException.badRequest("conflicting-parameters", String.join(", ", given.keySet())
                    + " cannot be combined: give from/to, hours or latest", errors);
        }
        atLeastOne(HOURS, hours);
        atLeastOne(LATEST, latest);
    }

    private static void atLeastOne(String name, @Nullable Integer value) {
        if (value != null && value < 1) {
            throw ProblemException.badRequest("invalid-request", name + " must be 1 or more",
                    List.of(ProblemError.field(name, value, "must be >= 1")));
        }
    }
}

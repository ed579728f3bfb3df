package io.energywatch.ingestion.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the timestamps of shared/DESIGN.md: ISO-8601 with or without the 'T' and with or without an offset,
 * {@code yyyy-MM-dd HH:mm:ss}, {@code yyyy/MM/dd} (historique-meteo), {@code dd/MM/yyyy [HH:mm[:ss]]} (UCI, ODRÉ) and
 * {@code dd/MM/yy} (ODRÉ temperature). A timestamp without an offset stays local; {@link LocalTimeline} places it.
 */
final class Timestamps {

    /** What a timestamp cell says: an exact instant, or a local date-time still to be placed in a zone. */
    sealed interface Stamp permits Exact, Local {
    }

    record Exact(Instant instant) implements Stamp {
    }

    /** @param dateOnly the cell held a day without a time of day */
    record Local(LocalDateTime local, boolean dateOnly) implements Stamp {
    }

    private Timestamps() {
    }

    static Stamp parse(String field, String text) {
        String t = text.trim();
        try {
            if (t.length() >= 8 && t.charAt(2) == '/') {
                return dayFirst(t);
            }
            String iso = t.length() >= 10 && t.charAt(4) == '/' && t.charAt(7) == '/'
                    ? t.substring(0, 4) + '-' + t.substring(5, 7) + '-' + t.substring(8) : t;
            if (iso.length() == 10) {
                return new Local(LocalDate.parse(iso).atStartOfDay(), true);
            }
            if (iso.length() > 10 && iso.charAt(10) == ' ') {
                iso = iso.substring(0, 10) + 'T' + iso.substring(11).trim();
            }
            int offsetAt = offsetStart(iso);
            if (offsetAt < 0) {
                LocalDateTime fast = isoLocal(iso, iso.length());
                return new Local(fast != null ? fast : LocalDateTime.parse(iso), false);
            }
            return new Exact(offsetInstant(iso.substring(0, offsetAt) + normalisedOffset(iso.substring(offsetAt))));
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            throw new RecordRejected(field, field + " '" + text + "' is not a timestamp (expected ISO-8601, "
                    + "yyyy-MM-dd HH:mm:ss or dd/MM/yyyy)");
        }
    }

    /**
     * An ISO-8601 date-time with an offset ({@code 2024-03-31T02:00:00+02:00}, {@code ...Z}), as an instant. The
     * common fixed-width shapes are read directly, because a source file has one such cell per row and the
     * general-purpose parser cost as much as the rest of the row; anything else goes to {@link OffsetDateTime#parse}.
     *
     * @throws DateTimeException when the text is not such a timestamp
     */
    static Instant offsetInstant(String text) {
        int n = text.length();
        int local = n - 6;
        if (n >= 17 && (text.charAt(n - 1) == 'Z')) {
            local = n - 1;
        }
        if ((local == 16 || local == 19) && (local == n - 1 || isOffset(text, local))) {
            LocalDateTime at = isoLocal(text, local);
            if (at != null) {
                int offsetSeconds = 0;
                if (local != n - 1) {
                    int sign = text.charAt(local) == '-' ? -1 : 1;
                    offsetSeconds = sign * ZoneOffset.ofHoursMinutes(digits(text, local + 1, 2),
                            digits(text, local + 4, 2)).getTotalSeconds();
                }
                return Instant.ofEpochSecond(at.toEpochSecond(ZoneOffset.UTC) - offsetSeconds);
            }
        }
        return OffsetDateTime.parse(text).toInstant();
    }

    private static boolean isOffset(String text, int at) {
        char sign = text.charAt(at);
        return (sign == '+' || sign == '-') && isDigit(text, at + 1) && isDigit(text, at + 2) && text.charAt(at + 3) == ':'
                && isDigit(text, at + 4) && isDigit(text, at + 5);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm} or {@code yyyy-MM-ddTHH:mm:ss} in the first {@code length} characters, or null for any
     * other shape (left to the general parser); impossible values (month 13, 25:00) throw as the parser would.
     */
    private static LocalDateTime isoLocal(String t, int length) {
        if ((length != 16 && length != 19) || t.length() < length || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || (length == 19 && t.charAt(16) != ':')) {
            return null;
        }
        for (int i : length == 19 ? SECONDS_DIGITS : MINUTES_DIGITS) {
            if (!isDigit(t, i)) {
                return null;
            }
        }
        return LocalDateTime.of(digits(t, 0, 4), digits(t, 5, 2), digits(t, 8, 2), digits(t, 11, 2),
                digits(t, 14, 2), length == 19 ? digits(t, 17, 2) : 0);
    }

    private static final int[] MINUTES_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15};
    private static final int[] SECONDS_DIGITS = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};

    private static boolean isDigit(String t, int i) {
        char c = t.charAt(i);
        return c >= '0' && c <= '9';
    }

    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (t.charAt(i) - '0');
        }
        return v;
    }

    /** A day, in any of the date shapes above (a time of day, if present, is an error). */
    static LocalDate date(String field, String text) {
        if (parse(field, text) instanceof Local(LocalDateTime local, boolean dateOnly) && dateOnly) {
            return local.toLocalDate();
        }
        throw new RecordRejected(field, field + " '" + text + "' is not a date (expected yyyy-MM-dd, yyyy/MM/dd, "
                + "dd/MM/yyyy or dd/MM/yy)");
    }

    /** A time of day {@code HH:mm} or {@code HH:mm:ss}. */
    static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            throw new RecordRejected(field, field + " '" + text + "' is not a time of day (expected HH:mm or HH:mm:ss)");
        }
    }

    private static Local dayFirst(String t) {
        int space = t.indexOf(' ');
        String day = space < 0 ? t : t.substring(0, space);
        String[] parts = day.split("/");
        if (parts.length != 3 || parts[0].length() != 2 || parts[1].length() != 2
                || (parts[2].length() != 4 && parts[2].length() != 2)) {
            throw new DateTimeException("not dd/MM/yyyy");
        }
        int year = Integer.parseInt(parts[2]) + (parts[2].length() == 2 ? 2000 : 0);
        var date = LocalDate.of(year, Integer.parseInt(parts[1]), Integer.parseInt(parts[0]));
        if (space < 0) {
            return new Local(date.atStartOfDay(), true);
        }
        return new Local(date.atTime(LocalTime.parse(t.substring(space + 1).trim())), false);
    }

    /** Where an offset ('Z', '+hh[:mm]', '-hh[:mm]') starts after the time part, or -1. */
    private static int offsetStart(String iso) {
        if (iso.endsWith("Z") || iso.endsWith("z")) {
            return iso.length() - 1;
        }
        for (int i = iso.length() - 1; i > 10; i--) {
            char c = iso.charAt(i);
            if (c == '+' || c == '-') {
                return i;
            }
        }
        return -1;
    }

    private static String normalisedOffset(String offset) {
        if (offset.equalsIgnoreCase("Z")) {
            return "Z";
        }
        String digits = offset.substring(1).replace(":", "");
        return switch (digits.length()) {
            case 2 -> offset.charAt(0) + digits + ":00";
            case 4 -> offset.charAt(0) + digits.substring(0, 2) + ":" + digits.substring(2);
            default -> offset;
        };
    }
}

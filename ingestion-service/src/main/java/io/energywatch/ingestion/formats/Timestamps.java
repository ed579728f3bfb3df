package io.energywatch.ingestion.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;

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
                return new Local(LocalDateTime.parse(iso), false);
            }
            return new Exact(OffsetDateTime.parse(iso.substring(0, offsetAt) + normalisedOffset(iso.substring(offsetAt)))
                    .toInstant());
        } catch (DateTimeException | StringIndexOutOfBoundsException e) {
            throw new RecordRejected(field, field + " '" + text + "' is not a timestamp (expected ISO-8601, "
                    + "yyyy-MM-dd HH:mm:ss or dd/MM/yyyy)");
        }
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

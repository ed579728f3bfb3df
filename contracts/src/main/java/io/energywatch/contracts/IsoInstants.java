package io.energywatch.contracts;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 UTC text of an {@link Instant}, character for character what {@link DateTimeFormatter#ISO_INSTANT} (and so
 * {@link Instant#toString()} and Jackson's default) writes, without the formatter's machinery: every event carries
 * several instants in its JSON, its id and its {@code ce_time} header, and on the ingestion path the general-purpose
 * formatter cost more CPU than MongoDB's own encoding of the record. Years outside 0000–9999 take the formatter.
 */
public final class IsoInstants {

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z. */
    private static final long MIN_FAST = -62_167_219_200L;
    private static final long MAX_FAST = 253_402_300_800L;

    /** Writes instants in event JSON through {@link #format}. */
    public static final ValueSerializer<Instant> JSON_SERIALIZER = new ValueSerializer<>() {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(format(value));
        }
    };

    private IsoInstants() {
    }

    public static String format(Instant instant) {
        StringBuilder sb = new StringBuilder(30);
        appendTo(sb, instant);
        return sb.toString();
    }

    public static void appendTo(StringBuilder sb, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < MIN_FAST || seconds >= MAX_FAST) {
            DateTimeFormatter.ISO_INSTANT.formatTo(instant, sb);
            return;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // Civil date from days since 1970-01-01 (H. Hinnant's algorithm, exact over the proleptic Gregorian calendar).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        int day = (int) (doy - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yoe + era * 400 + (month <= 2 ? 1 : 0));
        digits(sb, year, 4);
        sb.append('-');
        digits(sb, month, 2);
        sb.append('-');
        digits(sb, day, 2);
        sb.append('T');
        digits(sb, secondOfDay / 3600, 2);
        sb.append(':');
        digits(sb, secondOfDay / 60 % 60, 2);
        sb.append(':');
        digits(sb, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano != 0) {
            // Zero, three, six or nine fraction digits, as ISO_INSTANT prints them.
            sb.append('.');
            if (nano % 1_000_000 == 0) {
                digits(sb, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                digits(sb, nano / 1_000, 6);
            } else {
                digits(sb, nano, 9);
            }
        }
        sb.append('Z');
    }

    private static void digits(StringBuilder sb, int value, int width) {
        int start = sb.length();
        for (int i = 0; i < width; i++) {
            sb.append('0');
        }
        for (int i = start + width - 1; i >= start; i--) {
            sb.setCharAt(i, (char) ('0' + value % 10));
            value /= 10;
        }
    }
}

package io.energywatch.contracts;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

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

    /**
     * Reads instants in event JSON through {@link #parse}; what is not an ISO-8601 UTC string (epoch numbers, offsets)
     * goes to Jackson's own instant deserializer, so everything it accepted is still accepted.
     */
    public static final ValueDeserializer<Instant> JSON_DESERIALIZER = new StdScalarDeserializer<>(Instant.class) {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parseFixedWidth(p.getString());
                if (fast != null) {
                    return fast;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    };

    private IsoInstants() {
    }

    /** {@link Instant#parse}, with the fixed-width UTC form every event carries read without the formatter. */
    public static Instant parse(CharSequence text) {
        Instant fast = parseFixedWidth(text);
        return fast != null ? fast : Instant.parse(text);
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} (0 to 9 fraction digits, as {@link #format} and Jackson write), or null for
     * any other text, including what {@link Instant#parse} reads through its general rules (lower case, leap seconds,
     * 24:00) or refuses: callers fall back to it, so the fast path never changes what is accepted.
     */
    static @Nullable Instant parseFixedWidth(CharSequence s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nano = 0;
        if (n > 20) {
            int digits = n - 21;
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = number(s, 20, digits);
            if (fraction < 0) {
                return null;
            }
            nano = fraction;
            for (int i = digits; i < 9; i++) {
                nano *= 10;
            }
        } else if (s.charAt(19) != 'Z') {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nano);
    }

    /** The decimal number in {@code s[from, from + width)}, or -1 if any of it is not an ASCII digit. */
    private static int number(CharSequence s, int from, int width) {
        int value = 0;
        for (int i = from; i < from + width; i++) {
            int d = s.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
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

package io.energywatch.ingestion.formats;

import org.jspecify.annotations.Nullable;

/**
 * Reads numbers the way the sources write them: '.' decimals everywhere, ',' decimals in ';'-separated files. NaN,
 * Infinity and anything not a plain decimal number is rejected with the field named.
 */
final class Numbers {

    private Numbers() {
    }

    /** The number in {@code text}, or {@code null} when the cell is blank. */
    static @Nullable Double optional(String field, String text, boolean commaDecimals) {
        String t = text.trim();
        return t.isEmpty() ? null : required(field, t, commaDecimals);
    }

    static double required(String field, String text, boolean commaDecimals) {
        String t = text.trim();
        if (t.isEmpty()) {
            throw new RecordRejected(field, field + " is empty");
        }
        if (commaDecimals && t.indexOf(',') >= 0 && t.indexOf('.') < 0) {
            t = t.replace(',', '.');
        }
        boolean digit = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                throw notANumber(field, text);
            }
        }
        if (!digit) {
            throw notANumber(field, text);
        }
        try {
            double value = Double.parseDouble(t);
            if (Double.isInfinite(value)) {
                throw new RecordRejected(field, field + " '" + text + "' is out of range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw notANumber(field, text);
        }
    }

    /** A consumption value: a number, never negative (a meter or a grid does not consume negative energy). */
    static @Nullable Double consumption(String field, String text, boolean commaDecimals) {
        Double value = optional(field, text, commaDecimals);
        if (value != null && value < 0) {
            throw new RecordRejected(field, field + " '" + text.trim() + "' is negative; consumption cannot be");
        }
        return value;
    }

    /** The value, rejected when outside [min, max]. */
    static @Nullable Double within(String field, String text, boolean commaDecimals, double min, double max,
                                   String unit) {
        Double value = optional(field, text, commaDecimals);
        if (value != null && (value < min || value > max)) {
            throw new RecordRejected(field, field + " '" + text.trim() + "' is outside " + plain(min) + ".." + plain(max)
                    + " " + unit);
        }
        return value;
    }

    static @Nullable Double atLeastZero(String field, String text, boolean commaDecimals) {
        Double value = optional(field, text, commaDecimals);
        if (value != null && value < 0) {
            throw new RecordRejected(field, field + " '" + text.trim() + "' is negative");
        }
        return value;
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static RecordRejected notANumber(String field, String text) {
        return new RecordRejected(field, field + " '" + text + "' is not a number");
    }
}

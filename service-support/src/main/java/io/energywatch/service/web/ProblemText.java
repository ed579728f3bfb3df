package io.energywatch.service.web;

import org.jspecify.annotations.Nullable;

import java.lang.invoke.MethodType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Text that goes into a problem body, made fit for a caller: bounded (a rejected value is quoted up to
 * {@link #MAX_VALUE_CHARS}, a detail or reason up to {@link #MAX_TEXT_CHARS}, so a 20 MB field never comes back as a
 * 20 MB answer) and without Java's class names (libraries' messages name their types; the caller needs the field and
 * what it should hold).
 */
public final class ProblemText {

    public static final int MAX_VALUE_CHARS = 200;
    public static final int MAX_TEXT_CHARS = 1_000;

    /**
     * {@code java.time.Instant}, {@code io.energywatch.x.Y$Z}: a qualified class name under a usual package root, kept
     * as its simple name (model ids such as {@code anomaly-forest.electricity.sim.PT30M} are left alone).
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.-])(?:java|javax|jakarta|jdk|sun|tools|com|org|io|net)\\.(?:[a-z][a-z0-9_]*\\.)*"
                    + "([A-Z][A-Za-z0-9_]*)(?:\\$[A-Za-z0-9_$]*)?");
    /** Jackson's hints such as {@code (from `StreamReadConstraints.getMaxNestingDepth()`)}: about its API, not the input. */
    private static final Pattern API_HINT = Pattern.compile(
            "\\s*\\(from `[^`]*`\\)|,\\s*from `[^`]*`|\\s*\\(through reference chain:[^)]*\\)");
    /** An exception's or error's simple name, with the parentheses Jackson puts around it. */
    private static final Pattern THROWABLE = Pattern.compile("\\(?\\b[A-Z][A-Za-z0-9_]*(?:Exception|Error)\\b\\)?:?\\s*");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]*)`");

    private ProblemText() {
    }

    /** A rejected value as quoted back: at most {@link #MAX_VALUE_CHARS} characters, saying how long it was. */
    public static @Nullable String value(@Nullable String value) {
        return cut(value, MAX_VALUE_CHARS);
    }

    /** A detail or reason: without class names, at most {@link #MAX_TEXT_CHARS} characters. */
    public static @Nullable String text(@Nullable String text) {
        if (text == null) {
            return null;
        }
        // Location suffixes of parsers ("\n at [Source: ...; line: 1, column: 9]") add nothing the caller can use.
        int source = text.indexOf(" at [Source");
        String t = source >= 0 ? text.substring(0, source) : text;
        int length = t.length();
        // Cleaned on a bounded prefix: the patterns never run over megabytes.
        t = length > 4 * MAX_TEXT_CHARS ? t.substring(0, 4 * MAX_TEXT_CHARS) : t;
        t = API_HINT.matcher(t).replaceAll("");
        t = QUALIFIED.matcher(t).replaceAll("$1");
        t = THROWABLE.matcher(t).replaceAll("");
        t = BACKTICKED.matcher(t).replaceAll("$1").strip();
        if (t.length() <= MAX_TEXT_CHARS && length <= 4 * MAX_TEXT_CHARS) {
            return t;
        }
        return t.substring(0, Math.min(t.length(), MAX_TEXT_CHARS)) + "… (" + length + " characters)";
    }

    /** What a value of {@code type} looks like, for "expected ..." reasons that name no class. */
    public static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        Class<?> t = type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
        if (Number.class.isAssignableFrom(t)) {
            return "a number";
        }
        if (t == Boolean.class) {
            return "true or false";
        }
        if (CharSequence.class.isAssignableFrom(t) || t == Character.class) {
            return "a string";
        }
        if (t == Instant.class || t == OffsetDateTime.class || t == ZonedDateTime.class) {
            return "an ISO-8601 instant such as 2024-01-01T00:00:00Z";
        }
        if (t == LocalDate.class) {
            return "a date such as 2024-01-01";
        }
        if (t == LocalDateTime.class) {
            return "a local date-time such as 2024-01-01T00:00:00";
        }
        if (t == Duration.class) {
            return "an ISO-8601 duration such as PT1H";
        }
        if (ZoneId.class.isAssignableFrom(t)) {
            return "a time zone such as Europe/Paris";
        }
        if (t.isEnum()) {
            return "one of " + Arrays.stream(t.getEnumConstants()).map(String::valueOf).toList();
        }
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            return "an array";
        }
        return "an object";
    }

    private static @Nullable String cut(@Nullable String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "… (" + s.length() + " characters)";
    }
}

package io.energywatch.anomaly.detection;

import io.energywatch.service.csv.CsvLines;
import io.energywatch.service.csv.Delimited;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a series for {@code /detect}: CSV {@code timestamp,value[,…]} (optional header, extra columns ignored; the
 * platform's one CSV path, service-support {@code csv}, separator told by the first line) or a JSON
 * array of {@code {timestamp, value}}. Empty, {@code null} and {@code NaN} values are missing. Timestamps without an
 * offset are local to {@code zone}; a local time inside the spring-forward gap does not exist and is rejected, a
 * repeated fall-back hour is read as its first occurrence. Rows come back in file order, with their line: putting
 * them into the strictly increasing time the detector needs is {@link SeriesOrder}'s job, under the request's
 * duplicates policy. Every bad row is reported, each as {@code {line, field, reason}}.
 */
final class UploadedSeries {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FRENCH_DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm[:ss]");
    private static final int MAX_ERRORS = 100;

    private UploadedSeries() {
    }

    static List<UploadedRow> csv(String body, ZoneId zone) {
        List<UploadedRow> rows = new ArrayList<>();
        List<ProblemError> errors = new ArrayList<>();
        var lines = new CsvLines(new StringReader(body));
        int timeColumn = 0;
        int valueColumn = 1;
        Delimited cellsOf = null;
        char separator = ',';
        try {
            CsvLines.Line line;
            while ((line = lines.next()) != null) {
                long number = line.number();
                if (line.text().isBlank()) {
                    continue;
                }
                if (line.overLong()) {
                    errors.add(ProblemError.line(number, null, "longer than " + CsvLines.MAX_LINE_CHARS
                            + " characters"));
                    continue;
                }
                if (cellsOf == null) {
                    // The first line tells the separator, whether or not it is a header.
                    separator = Delimited.guess(line.text());
                    cellsOf = Delimited.by(separator);
                }
                String[] cells;
                try {
                    cells = cellsOf.split(line.text());
                } catch (IllegalArgumentException e) {
                    errors.add(ProblemError.line(number, null, "cannot be read as " + Delimited.describe(separator)
                            + "-separated cells"));
                    continue;
                }
                if (number == 1 && isHeader(cells)) {
                    for (int c = 0; c < cells.length; c++) {
                        String name = cells[c].strip().toLowerCase(Locale.ROOT);
                        if (name.equals("timestamp") || name.equals("time") || name.equals("date")) {
                            timeColumn = c;
                        } else if (name.equals("value")) {
                            valueColumn = c;
                        }
                    }
                    continue;
                }
                if (cells.length <= Math.max(timeColumn, valueColumn)) {
                    errors.add(ProblemError.line(number, null, "expected at least "
                            + (Math.max(timeColumn, valueColumn) + 1) + " columns, got " + cells.length));
                    continue;
                }
                add(rows, errors, number, cells[timeColumn].strip(), cells[valueColumn].strip(), zone);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a request body held in memory", e);
        }
        return checked(rows, errors);
    }

    static List<UploadedRow> json(String body, ZoneId zone) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("unreadable-body", "the body is not JSON: " + e.getOriginalMessage(),
                    List.of());
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.badRequest("unreadable-body", "expected a JSON array of {timestamp, value}",
                    List.of());
        }
        List<UploadedRow> rows = new ArrayList<>();
        List<ProblemError> errors = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            long number = i + 1L;
            if (!item.isObject()) {
                errors.add(ProblemError.line(number, null, "expected an object {timestamp, value}"));
                continue;
            }
            JsonNode value = item.path("value");
            JsonNode time = item.path("timestamp");
            // An object or array where a scalar belongs is a refused row naming the field, not a missing value.
            if (value.isContainer() || time.isContainer()) {
                String field = value.isContainer() ? "value" : "timestamp";
                errors.add(ProblemError.line(number, field, "holds a JSON "
                        + (item.path(field).isObject() ? "object" : "array") + " where a "
                        + (field.equals("value") ? "number" : "timestamp") + " was expected"));
                continue;
            }
            String valueText = value.isMissingNode() || value.isNull() ? "" : value.asString();
            if (!value.isMissingNode() && !value.isNull() && !value.isNumber()) {
                errors.add(ProblemError.line(number, "value", "'" + valueText + "' is not a number"));
                continue;
            }
            add(rows, errors, number, item.path("timestamp").isString() ? item.path("timestamp").asString() : "",
                    valueText, zone);
        }
        return checked(rows, errors);
    }

    private static boolean isHeader(String[] cells) {
        String second = cells.length >= 2 ? cells[1].strip() : "";
        return cells.length >= 2 && parseNumber(second) == null && !second.isEmpty()
                && !second.equalsIgnoreCase("null") && !second.equalsIgnoreCase("nan");
    }

    private static void add(List<UploadedRow> rows, List<ProblemError> errors, long line, String time, String value,
                            ZoneId zone) {
        if (errors.size() >= MAX_ERRORS) {
            return;
        }
        Instant timestamp;
        try {
            timestamp = timestamp(time, zone);
        } catch (IllegalArgumentException e) {
            errors.add(ProblemError.line(line, "timestamp", e.getMessage()));
            return;
        }
        Double number = null;
        if (!value.isEmpty() && !value.equalsIgnoreCase("null") && !value.equalsIgnoreCase("nan")) {
            number = parseNumber(value);
            if (number == null || !Double.isFinite(number)) {
                errors.add(ProblemError.line(line, "value", "'" + value + "' is not a number"));
                return;
            }
        }
        rows.add(new UploadedRow(line, timestamp, number));
    }

    private static List<UploadedRow> checked(List<UploadedRow> rows, List<ProblemError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-rows", errors.size() + " row(s) cannot be read", errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("invalid-rows", "the upload holds no rows", List.of());
        }
        return rows;
    }

    static Instant timestamp(String text, ZoneId zone) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("timestamp is missing");
        }
        try {
            if (t.length() == 10 && t.charAt(2) == '/') {
                return local(LocalDate.parse(t, FRENCH_DATE).atStartOfDay(), zone, text);
            }
            if (t.length() > 10 && t.charAt(2) == '/') {
                return local(LocalDateTime.parse(t, FRENCH_DATE_TIME), zone, text);
            }
            if (t.length() == 10) {
                return local(LocalDate.parse(t).atStartOfDay(), zone, text);
            }
            String iso = t.charAt(10) == ' ' ? t.substring(0, 10) + 'T' + t.substring(11) : t;
            if (iso.endsWith("Z") || iso.substring(10).matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(iso.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")).toInstant();
            }
            return local(LocalDateTime.parse(iso), zone, text);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("'" + text + "' is not an ISO-8601, yyyy-MM-dd HH:mm:ss or dd/MM/yyyy time");
        }
    }

    private static Instant local(LocalDateTime time, ZoneId zone, String text) {
        var offsets = zone.getRules().getValidOffsets(time);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' does not exist in " + zone + " (spring-forward gap)");
        }
        return time.toInstant(offsets.getFirst());
    }

    private static @Nullable Double parseNumber(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

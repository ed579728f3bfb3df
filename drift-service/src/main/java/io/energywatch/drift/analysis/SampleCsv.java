package io.energywatch.drift.analysis;

import io.energywatch.service.csv.CsvLines;
import io.energywatch.service.csv.Delimited;
import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded sample: a CSV file with a header line, separated by commas, semicolons, tabs or pipes (the header tells
 * which; with semicolons a decimal comma is read as a point), read by the platform's one CSV path (service-support
 * {@code csv}: RFC 4180 quotes, one record per line). Empty cells are missing values. Cells are kept as text; the run
 * decides per column whether it is numeric.
 */
record SampleCsv(String part, List<String> columns, List<String[]> rows) {

    static SampleCsv read(String part, InputStream in, int maxRows) throws IOException {
        var lines = new CsvLines(in, StandardCharsets.UTF_8);
        CsvLines.Line header = lines.next();
        if (header == null || header.text().isBlank() || header.overLong()) {
            throw ProblemException.badRequest("invalid-sample", part + " has no header line",
                    List.of(ProblemError.line(1, null, header == null || header.text().isBlank() ? "missing header"
                            : "the header is longer than " + CsvLines.MAX_LINE_CHARS + " characters")));
        }
        char separator = Delimited.guess(header.text());
        var cellsOf = Delimited.by(separator);
        List<String> columns = Delimited.trimmed(cellsOf.split(header.text()));
        var rows = new ArrayList<String[]>();
        var errors = new ArrayList<ProblemError>();
        CsvLines.Line line;
        while ((line = lines.next()) != null) {
            long number = line.number();
            if (line.text().isBlank()) {
                continue;
            }
            String[] cells = line.overLong() ? null : cells(cellsOf, line.text());
            if (cells == null || cells.length != columns.size()) {
                if (errors.size() < 20) {
                    errors.add(ProblemError.line(number, null, cells == null ? "cannot be read as "
                            + Delimited.describe(separator) + "-separated cells"
                            : "has " + cells.length + " cells, the header " + columns.size()));
                }
                continue;
            }
            if (separator == ';') {
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].replace(',', '.');
                }
            }
            rows.add(cells);
            if (rows.size() > maxRows) {
                throw ProblemException.badRequest("invalid-sample", part + " has more than " + maxRows + " rows",
                        List.of(ProblemError.field(part, null, "more than " + maxRows + " rows")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("invalid-sample", part + " has malformed lines", errors);
        }
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("invalid-sample", part + " has no rows",
                    List.of(ProblemError.field(part, null, "no rows")));
        }
        return new SampleCsv(part, columns, rows);
    }

    /** The line's cells, trimmed; null when the line cannot be split. */
    private static String @Nullable [] cells(Delimited cellsOf, String text) {
        try {
            String[] cells = cellsOf.split(text);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            return cells;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Column {@code c} as numbers, or null when a non-empty cell is not a number. */
    double[] numeric(int c) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < values.length; r++) {
            String cell = rows.get(r)[c];
            if (cell.isEmpty()) {
                values[r] = Double.NaN;
                continue;
            }
            try {
                values[r] = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                return null;
            }
            if (!Double.isFinite(values[r])) {
                return null;
            }
        }
        return values;
    }

    List<String> text(int c) {
        var values = new ArrayList<String>(rows.size());
        for (String[] row : rows) {
            values.add(row[c].isEmpty() ? null : row[c]);
        }
        return values;
    }
}

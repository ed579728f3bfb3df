package io.energywatch.drift.analysis;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An uploaded sample: a CSV file with a header line, separated by commas, semicolons or tabs (the header tells which;
 * with semicolons a decimal comma is read as a point). Empty cells are missing values. Cells are kept as text; the run
 * decides per column whether it is numeric.
 */
record SampleCsv(String part, List<String> columns, List<String[]> rows) {

    static SampleCsv read(String part, InputStream in, int maxRows) throws IOException {
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null || header.isBlank()) {
            throw ProblemException.badRequest("invalid-sample", part + " has no header line",
                    List.of(ProblemError.line(1, null, "missing header")));
        }
        header = header.startsWith("\uFEFF") ? header.substring(1) : header;
        char separator = separator(header);
        List<String> columns = List.of(split(header, separator)).stream().map(String::trim).toList();
        var rows = new ArrayList<String[]>();
        var errors = new ArrayList<ProblemError>();
        String line;
        long number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = split(line, separator);
            if (cells.length != columns.size()) {
                if (errors.size() < 20) {
                    errors.add(ProblemError.line(number, null, "has " + cells.length + " cells, the header "
                            + columns.size()));
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

    private static char separator(String header) {
        long commas = header.chars().filter(ch -> ch == ',').count();
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        long tabs = header.chars().filter(ch -> ch == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static String[] split(String line, char separator) {
        String[] cells = line.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i].trim();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1);
            }
            cells[i] = cell;
        }
        return cells;
    }
}

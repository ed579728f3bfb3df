package io.energywatch.service.csv;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.StringArrayHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * The one quoting rule every CSV reader of the platform applies (ingestion's formats, drift's samples, {@code /detect}),
 * read by FastCSV: RFC 4180 double quotes, a quote opening a cell only where the cell starts, characters after a
 * closing quote kept. One physical line is one record: a line is split on its own, so a stray quote spoils one line
 * and not the rest of the file, and any line can be read in any order. Not thread-safe (FastCSV's handler keeps the
 * record it builds): one instance per reading.
 */
public final class Delimited {

    /** The delimiters a header line is tried with, the first winning ties. */
    public static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private final CsvReader.CsvReaderBuilder builder;
    private final StringArrayHandler cells = StringArrayHandler.builder().build();

    private Delimited(char delimiter) {
        this.builder = CsvReader.builder().fieldSeparator(delimiter).allowExtraCharsAfterClosingQuote(true);
    }

    /** A splitter of lines separated by {@code delimiter}. */
    public static Delimited by(char delimiter) {
        return new Delimited(delimiter);
    }

    /** The cells of one line, unquoted. */
    public String[] split(String line) {
        if (line.isEmpty()) {
            return new String[]{""};
        }
        try {
            return builder.ofSingleCsvRecord(cells, line);
        } catch (CsvParseException e) {
            // A single line always holds a record; the parser's refusal is a line it cannot read, reported as such.
            throw new IllegalArgumentException("the line cannot be read as delimited cells: " + e.getMessage(), e);
        }
    }

    /** The candidate delimiter that splits the header line into the most cells (outside quotes); ',' when none does. */
    public static char guess(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATES) {
            int count = by(candidate).split(headerLine).length - 1;
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    public static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    public static List<String> trimmed(String[] cells) {
        var names = new ArrayList<String>(cells.length);
        for (String cell : cells) {
            names.add(cell.trim());
        }
        return names;
    }
}

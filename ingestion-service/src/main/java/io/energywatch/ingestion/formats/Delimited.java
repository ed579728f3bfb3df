package io.energywatch.ingestion.formats;

import java.util.ArrayList;
import java.util.List;

/** Splits one delimited line into cells, honouring RFC 4180 double quotes (the SNCF file quotes cells holding ';'). */
final class Delimited {

    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    private Delimited() {
    }

    static String[] split(String line, char delimiter) {
        if (line.indexOf('"') < 0) {
            return splitPlain(line, delimiter);
        }
        var cells = new ArrayList<String>();
        var cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == delimiter) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    private static String[] splitPlain(String line, char delimiter) {
        var cells = new ArrayList<String>(16);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == delimiter) {
                cells.add(line.substring(start, i));
                start = i + 1;
            }
        }
        cells.add(line.substring(start));
        return cells.toArray(String[]::new);
    }

    /** The candidate delimiter that splits the header line into the most cells (outside quotes); ',' when none does. */
    static char guess(String headerLine) {
        char best = ',';
        int bestCount = 0;
        for (char candidate : CANDIDATES) {
            int count = split(headerLine, candidate).length - 1;
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    static String describe(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    static List<String> trimmed(String[] cells) {
        var names = new ArrayList<String>(cells.length);
        for (String cell : cells) {
            names.add(cell.trim());
        }
        return names;
    }
}

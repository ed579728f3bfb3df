package io.energywatch.local;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** A plain-text table with left-aligned columns, for status and summary output. */
record TextTable(List<String> headers, List<List<String>> rows) {

    TextTable {
        headers = List.copyOf(headers);
        rows = rows.stream().map(List::copyOf).toList();
    }

    String render() {
        int[] widths = IntStream.range(0, headers.size())
                .map(column -> rows.stream().mapToInt(row -> cell(row, column).length())
                        .reduce(headers.get(column).length(), Math::max))
                .toArray();
        var text = new StringBuilder(line(headers, widths));
        rows.forEach(row -> text.append(System.lineSeparator()).append(line(row, widths)));
        return text.toString();
    }

    private static String line(List<String> cells, int[] widths) {
        return IntStream.range(0, widths.length)
                .mapToObj(column -> String.format("%-" + widths[column] + "s", cell(cells, column)))
                .collect(Collectors.joining("  ")).stripTrailing();
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() && row.get(column) != null ? row.get(column) : "";
    }
}

package io.energywatch.service.web;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.StringJoiner;

/**
 * A list of rows as a CSV table (RFC 4180): the header comes from the row type's record components in declaration order
 * (a nested record flattened as {@code a.b}, an {@code @JsonUnwrapped} one inlined), the cells from the rows' JSON
 * form, so a CSV cell says what the JSON field says (instants ISO-8601 UTC, enums by name, absent = empty). A list in a
 * cell is joined with {@code |}; a map is {@code key=value} pairs joined with {@code |}.
 */
public final class CsvTable {

    /** Joins the elements of a list (and the entries of a map) inside one cell. */
    public static final String LIST_SEPARATOR = "|";
    /** How deep nested records (and, for rows that are not records, nested JSON objects) become columns. */
    private static final int MAX_NESTING = 6;
    /** A text cell a spreadsheet would run as a formula (OWASP's CSV injection) gets a leading apostrophe. */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvTable(List<String> header, List<List<String>> rows) {
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    /**
     * The table of {@code rows}: columns from {@code rowType} when it is a record (so an empty list still has its
     * header), else from the first row's class when that is a record, else from the rows' JSON properties.
     */
    public static CsvTable of(List<?> rows, @Nullable Class<?> rowType, JsonMapper mapper) {
        Class<?> type = rowType != null && rowType.isRecord() ? rowType
                : rows.isEmpty() || rows.getFirst() == null ? null : rows.getFirst().getClass();
        List<JsonNode> trees = rows.stream().map(r -> (JsonNode) mapper.valueToTree(r)).toList();
        List<List<String>> paths = new ArrayList<>();
        if (type != null && type.isRecord()) {
            collect(type, List.of(), paths, 0);
        } else {
            SequencedSet<List<String>> seen = new LinkedHashSet<>();
            trees.forEach(tree -> leaves(tree, List.of(), seen, 0));
            paths.addAll(seen);
        }
        List<String> header = paths.stream().map(p -> p.isEmpty() ? "value" : String.join(".", p)).toList();
        List<List<String>> cells = trees.stream().map(tree -> paths.stream().map(p -> cell(at(tree, p))).toList())
                .toList();
        return new CsvTable(header, cells);
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> rows() {
        return rows;
    }

    /**
     * Writes the header and the rows, CRLF-terminated and quoted where RFC 4180 needs it. {@code out} stays open (a
     * response body is the servlet container's to close).
     */
    public void write(Appendable out) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
        CSVPrinter printer = new CSVPrinter(out, format);
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    private static void collect(Class<?> type, List<String> prefix, List<List<String>> out, int depth) {
        for (RecordComponent component : type.getRecordComponents()) {
            var accessor = component.getAccessor();
            if (accessor.isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            String name = renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
            Class<?> valueType = valueType(component);
            boolean nested = valueType.isRecord() && depth < MAX_NESTING;
            if (nested && accessor.isAnnotationPresent(JsonUnwrapped.class)) {
                collect(valueType, prefix, out, depth + 1);
            } else if (nested) {
                collect(valueType, append(prefix, name), out, depth + 1);
            } else {
                out.add(append(prefix, name));
            }
        }
    }

    /** The component's type, or what an {@code Optional} of it holds. */
    private static Class<?> valueType(RecordComponent component) {
        if (component.getType() == Optional.class
                && component.getGenericType() instanceof ParameterizedType optional
                && optional.getActualTypeArguments()[0] instanceof Class<?> held) {
            return held;
        }
        Type type = component.getGenericType();
        return type instanceof Class<?> c ? c : component.getType();
    }

    private static void leaves(JsonNode node, List<String> prefix, SequencedSet<List<String>> out, int depth) {
        if (node.isObject() && depth < MAX_NESTING) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                leaves(property.getValue(), append(prefix, property.getKey()), out, depth + 1);
            }
        } else {
            out.add(prefix);
        }
    }

    private static List<String> append(List<String> prefix, String name) {
        var path = new ArrayList<>(prefix);
        path.add(name);
        return List.copyOf(path);
    }

    private static JsonNode at(JsonNode tree, List<String> path) {
        JsonNode node = tree;
        for (String name : path) {
            node = node.path(name);
        }
        return node;
    }

    private static String cell(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            var joined = new StringJoiner(LIST_SEPARATOR);
            node.values().forEach(element -> joined.add(inner(element)));
            return joined.toString();
        }
        if (node.isObject()) {
            var joined = new StringJoiner(LIST_SEPARATOR);
            node.properties().forEach(e -> joined.add(e.getKey() + "=" + inner(e.getValue())));
            return joined.toString();
        }
        return scalar(node);
    }

    /** An element of a list or a map's value: a scalar as text, anything else as its compact JSON. */
    private static String inner(JsonNode node) {
        return node.isContainer() ? node.toString() : node.isNull() ? "" : scalar(node);
    }

    private static String scalar(JsonNode node) {
        if (node.isFloatingPointNumber() && Double.isFinite(node.asDouble())) {
            // 12000000 rather than 1.2E7: spreadsheets read both, people and simple parsers prefer the first.
            return BigDecimal.valueOf(node.asDouble()).stripTrailingZeros().toPlainString();
        }
        String text = node.asString();
        if (node.isString() && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}

package io.energywatch.local;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether Kibana saved objects fit Elasticsearch mappings: every field a Lens column or filter uses exists in the
 * mapping of its data view's alias, outside {@code nested} fields (Lens cannot aggregate them), with a type the
 * operation works on (numbers for average or sum, dates for a date histogram, keyword, boolean or numbers for terms),
 * and every data view's time field is a date. Used by the build's test on the services' templates and by the demo on
 * the running Elasticsearch.
 */
final class KibanaFieldCheck {

    static final String LAYER_REFERENCE = "indexpattern-datasource-layer-";
    private static final String RECORDS = "___records___";
    private static final Set<String> NUMERIC = Set.of("long", "integer", "short", "byte", "double", "float",
            "half_float", "scaled_float", "unsigned_long");
    private static final Set<String> NUMBER_OPERATIONS =
            Set.of("average", "sum", "median", "standard_deviation", "percentile", "percentile_rank");
    /** KQL comparisons {@code field : value}, {@code field >= value}: the field, the operator, the value. */
    private static final Pattern KQL_FIELD =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|<=?|>=?)\\s*(\"[^\"]*\"|[^\\s()]+)");
    private static final String NESTED = "nested:";

    /**
     * @param checked  Lens columns checked
     * @param problems one line per field that does not fit, naming the visualization, column and alias
     * @param unknown  aliases without a mapping, whose visualizations were not checked
     */
    record Result(int checked, List<String> problems, Set<String> unknown) {
    }

    private KibanaFieldCheck() {
    }

    /**
     * Checks {@code objects} (parsed NDJSON lines) against {@code mappingOf}: an alias's fields by path, or empty when
     * the alias has no mapping.
     */
    static Result check(List<JsonNode> objects, Function<String, Optional<Map<String, String>>> mappingOf) {
        Map<String, String> aliasOfView = new LinkedHashMap<>();
        Map<String, Optional<Map<String, String>>> mappings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        for (JsonNode view : ofType(objects, "index-pattern")) {
            String alias = view.path("attributes").path("title").asString();
            aliasOfView.put(view.path("id").asString(), alias);
            var fields = mappings.computeIfAbsent(alias, mappingOf);
            if (fields.isEmpty()) {
                unknown.add(alias);
                continue;
            }
            String timeField = view.path("attributes").path("timeFieldName").asString();
            if (!"date".equals(fields.get().get(timeField))) {
                problems.add("data view " + alias + ": time field " + timeField + " is "
                        + fields.get().getOrDefault(timeField, "not in the mapping") + ", not a date");
            }
        }
        int checked = 0;
        for (JsonNode lens : ofType(objects, "lens")) {
            String lensId = lens.path("id").asString();
            JsonNode state = lens.path("attributes").path("state");
            for (var layer : state.path("datasourceStates").path("formBased").path("layers").properties()) {
                String alias = reference(lens, LAYER_REFERENCE + layer.getKey())
                        .map(r -> aliasOfView.get(r.path("id").asString())).orElse(null);
                if (alias == null) {
                    problems.add(lensId + " layer " + layer.getKey() + ": no data view of the file");
                    continue;
                }
                Optional<Map<String, String>> fields = mappings.get(alias);
                if (fields.isEmpty()) {
                    continue;
                }
                for (var column : layer.getValue().path("columns").properties()) {
                    String where = lensId + " " + column.getKey() + " on " + alias;
                    checked++;
                    problems.addAll(checkColumn(where, column.getValue(), fields.get()));
                    JsonNode filter = column.getValue().path("filter");
                    if (!filter.isMissingNode()) {
                        problems.addAll(checkKql(where + " filter", filter.path("query").asString(), fields.get()));
                    }
                }
                problems.addAll(checkKql(lensId + " query", state.path("query").path("query").asString(),
                        fields.get()));
                for (JsonNode filter : state.path("filters")) {
                    String key = filter.path("meta").path("key").asString();
                    if (!fields.get().containsKey(key)) {
                        problems.add(lensId + " filter on " + key + ": no such field in " + alias);
                    }
                }
            }
        }
        return new Result(checked, problems, unknown);
    }

    /** A column's operation on its field, or nothing wrong. */
    static List<String> checkColumn(String where, JsonNode column, Map<String, String> fields) {
        String operation = column.path("operationType").asString();
        String field = column.path("sourceField").asString();
        String dataType = column.path("dataType").asString();
        List<String> problems = new ArrayList<>();
        if (operation.equals("count") && field.equals(RECORDS)) {
            return problems;
        }
        String type = fields.get(field);
        if (type == null) {
            problems.add(where + ": " + operation + " on " + field + ", which is not in the mapping");
            return problems;
        }
        if (type.startsWith(NESTED)) {
            problems.add(where + ": " + field + " is inside a nested field, which Lens cannot aggregate");
            return problems;
        }
        boolean numeric = NUMERIC.contains(type);
        boolean compatible = switch (operation) {
            case "date_histogram" -> type.equals("date") && dataType.equals("date");
            case "terms" -> (type.equals("keyword") && dataType.equals("string"))
                    || (type.equals("boolean") && dataType.equals("boolean"))
                    || (numeric && dataType.equals("number"));
            case "min", "max" -> (numeric && dataType.equals("number"))
                    || (type.equals("date") && dataType.equals("date"));
            case "unique_count", "count" -> !type.equals("text") && dataType.equals("number");
            case "last_value" -> !type.equals("text");
            default -> NUMBER_OPERATIONS.contains(operation) && numeric && dataType.equals("number");
        };
        if (!compatible) {
            problems.add(where + ": " + operation + " (" + dataType + ") on " + field + " of type " + type);
        }
        return problems;
    }

    /** The fields of a KQL expression exist and the values compared with them fit their type. */
    static List<String> checkKql(String where, String kql, Map<String, String> fields) {
        List<String> problems = new ArrayList<>();
        Matcher m = KQL_FIELD.matcher(kql);
        boolean any = false;
        while (m.find()) {
            any = true;
            String field = m.group(1);
            String value = m.group(3);
            String type = fields.get(field);
            if (type == null || type.startsWith(NESTED)) {
                problems.add(where + ": " + field + " is not a top-level field of the mapping (" + kql + ")");
            } else if (type.equals("boolean") && !value.matches("true|false")) {
                problems.add(where + ": boolean " + field + " compared with " + value);
            } else if (type.equals("keyword") && !value.startsWith("\"")) {
                problems.add(where + ": keyword " + field + " compared with the unquoted " + value);
            } else if (type.equals("text")) {
                problems.add(where + ": " + field + " is text, matched by words rather than by value");
            }
        }
        if (!kql.isBlank() && !any) {
            problems.add(where + ": no field found in '" + kql + "'");
        }
        return problems;
    }

    /**
     * The fields of a mapping's {@code properties} by dotted path with their type ({@code object} for an object);
     * those under a nested field get the prefix {@code nested:}.
     */
    static Map<String, String> fields(JsonNode properties) {
        Map<String, String> fields = new LinkedHashMap<>();
        flatten(properties, "", false, fields);
        return fields;
    }

    private static void flatten(JsonNode properties, String prefix, boolean inNested, Map<String, String> into) {
        for (var property : properties.properties()) {
            String path = prefix + property.getKey();
            JsonNode definition = property.getValue();
            String type = definition.path("type").asString("object");
            if (definition.has("properties")) {
                flatten(definition.path("properties"), path + ".", inNested || type.equals("nested"), into);
            }
            into.put(path, (inNested ? NESTED : "") + type);
        }
    }

    static List<JsonNode> ofType(List<JsonNode> objects, String type) {
        return objects.stream().filter(o -> o.path("type").asString().equals(type)).toList();
    }

    static Optional<JsonNode> reference(JsonNode object, String name) {
        for (JsonNode reference : object.path("references")) {
            if (reference.path("name").asString().equals(name)) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }
}

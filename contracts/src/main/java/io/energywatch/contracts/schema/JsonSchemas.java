package io.energywatch.contracts.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import io.energywatch.contracts.EventJson;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schema (draft 2020-12) of an event record, derived from the record itself so the documents in {@code docs/events}
 * cannot silently disagree with the code: components are required unless annotated {@link Nullable}, nested records go
 * to {@code $defs}, enums list the values Jackson writes.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper PRETTY = EventJson.MAPPER.rebuild()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    private JsonSchemas() {
    }

    public static String schemaOf(Class<? extends Record> type) {
        Map<String, ObjectNode> defs = new LinkedHashMap<>();
        ObjectNode root = NODES.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://energywatch.io/schemas/events/" + type.getSimpleName() + ".schema.json");
        root.put("title", type.getSimpleName());
        root.setAll(recordSchema(type, defs));
        if (!defs.isEmpty()) {
            ObjectNode d = root.putObject("$defs");
            defs.forEach(d::set);
        }
        return PRETTY.writeValueAsString(root) + "\n";
    }

    private static ObjectNode recordSchema(Class<?> type, Map<String, ObjectNode> defs) {
        ObjectNode schema = NODES.objectNode();
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent c : type.getRecordComponents()) {
            boolean nullable = c.getAnnotatedType().isAnnotationPresent(Nullable.class);
            ObjectNode p = typeSchema(c.getGenericType(), c.getAnnotatedType(), nullable, defs);
            JsonPropertyDescription doc = c.getAccessor().getAnnotation(JsonPropertyDescription.class);
            if (doc != null) {
                p.put("description", doc.value());
            }
            props.set(c.getName(), p);
            if (!nullable) {
                required.add(c.getName());
            }
        }
        schema.set("required", required);
        schema.put("additionalProperties", false);
        return schema;
    }

    private static ObjectNode typeSchema(Type type, @Nullable AnnotatedType annotated, boolean nullable,
                                         Map<String, ObjectNode> defs) {
        ObjectNode s = NODES.objectNode();
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                s.put("type", "array");
                s.set("items", typeSchema(pt.getActualTypeArguments()[0], null, false, defs));
                return s;
            }
            if (Map.class.isAssignableFrom(raw)) {
                s.put("type", "object");
                s.set("additionalProperties", typeSchema(pt.getActualTypeArguments()[1], null, false, defs));
                return s;
            }
            throw new IllegalArgumentException("unsupported generic type " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            String name = c.getSimpleName();
            if (!defs.containsKey(name)) {
                defs.put(name, NODES.objectNode()); // reserve before recursing
                defs.put(name, recordSchema(c, defs));
            }
            if (nullable) {
                ArrayNode any = s.putArray("anyOf");
                any.addObject().put("$ref", "#/$defs/" + name);
                any.addObject().put("type", "null");
            } else {
                s.put("$ref", "#/$defs/" + name);
            }
            return s;
        }
        if (c.isEnum()) {
            if (nullable) {
                s.putArray("type").add("string").add("null");
            } else {
                s.put("type", "string");
            }
            ArrayNode values = s.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(enumValue((Enum<?>) constant));
            }
            return s;
        }
        String json;
        String format = null;
        if (c == String.class) {
            json = "string";
        } else if (c == Instant.class) {
            json = "string";
            format = "date-time";
        } else if (c == LocalDate.class) {
            json = "string";
            format = "date";
        } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            json = "number";
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            json = "integer";
        } else if (c == boolean.class || c == Boolean.class) {
            json = "boolean";
        } else {
            throw new IllegalArgumentException("unsupported type " + c.getName() + " in an event contract");
        }
        if (nullable) {
            s.putArray("type").add(json).add("null");
        } else {
            s.put("type", json);
        }
        if (format != null) {
            s.put("format", format);
        }
        return s;
    }

    private static String enumValue(Enum<?> constant) {
        for (Method m : constant.getDeclaringClass().getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class) && m.getParameterCount() == 0) {
                try {
                    return String.valueOf(m.invoke(constant));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constant.name();
    }
}

package io.energywatch.ingestion.formats;

import io.energywatch.service.csv.CsvLines;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A JSON upload of consumption objects, either one top-level array or NDJSON (one object per line), streamed token by
 * token and read through the {@link ColumnMapping}; each object's line is the line its '{' is on. Scalars are read as
 * text; a nested object or array is skipped, unless the mapping reads that member, which rejects the record naming
 * it (a value that is an object is not a missing value). JSON that breaks mid-stream cannot be resynchronised: the
 * rest of the upload is one rejection at the line where it broke.
 */
final class GenericJsonParser implements SourceParser {

    /** Strings longer than this are refused by the tokenizer, which keeps one object's memory bounded. */
    static final int MAX_STRING_CHARS = CsvLines.MAX_LINE_CHARS;
    private static final int PROGRESS_EVERY_OBJECTS = 8_192;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    @Override
    public SourceFormat format() {
        return SourceFormat.GENERIC_JSON;
    }

    @Override
    public void parse(InputStream in, ParseContext context, RecordSink sink) throws IOException {
        var out = new LocalTimeline(context.zone(), sink);
        var records = new GenericRecords(format(), context, out, false);
        var buffered = new BufferedInputStream(in, 1 << 16);
        long objects = 0;
        try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), buffered)) {
            JsonToken token = next(parser);
            if (token == null) {
                throw new UnreadableUploadException("the upload is empty: no JSON value");
            }
            boolean array = token == JsonToken.START_ARRAY;
            if (array) {
                token = next(parser);
            }
            while (token != null && token != JsonToken.END_ARRAY) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token != JsonToken.START_OBJECT) {
                    out.reject(line, null, "line " + line + " holds a JSON " + token.name().toLowerCase(Locale.ROOT)
                            + " where a consumption object was expected", parser.getString() == null ? "" : parser.getString());
                    parser.skipChildren();
                } else {
                    var fields = object(parser);
                    String raw = fields.toString();
                    try {
                        records.read(line, raw, name -> fields.getOrDefault(name, ""));
                    } catch (NestedValue e) {
                        out.reject(line, e.field, "field " + e.field + " holds a JSON " + e.kind
                                + " where a text or number was expected", raw);
                    } catch (RecordRejected e) {
                        out.reject(line, e.field(), e.reason(), raw);
                    } catch (IllegalArgumentException e) {
                        out.reject(line, null, e.getMessage(), raw);
                    }
                }
                if (++objects % PROGRESS_EVERY_OBJECTS == 0) {
                    sink.progress(parser.currentLocation().getByteOffset());
                }
                token = next(parser);
            }
        } catch (BrokenJson e) {
            if (objects == 0 && e.line <= 1) {
                throw new UnreadableUploadException("the upload is not JSON: " + e.getMessage());
            }
            out.reject(e.line, null, "the JSON breaks at line " + e.line + " and the rest of the upload cannot be read: "
                    + e.getMessage(), "");
        }
        out.finish();
    }

    private static JsonToken next(JsonParser parser) {
        try {
            return parser.nextToken();
        } catch (JacksonException e) {
            throw new BrokenJson(parser.currentLocation().getLineNr(), e.getOriginalMessage());
        }
    }

    /**
     * The object's scalar members as text; nested arrays and objects are skipped, and reading such a member (see
     * {@link Members#getOrDefault}) throws {@link NestedValue}.
     */
    private static Members object(JsonParser parser) {
        var fields = new LinkedHashMap<String, String>();
        var nested = new LinkedHashMap<String, String>();
        try {
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                    nested.put(name, value == JsonToken.START_OBJECT ? "object" : "array");
                    fields.remove(name);
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL) {
                    fields.put(name, parser.getString());
                    nested.remove(name);
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new BrokenJson(parser.currentLocation().getLineNr(), "an object is not closed");
            }
        } catch (JacksonException e) {
            throw new BrokenJson(parser.currentLocation().getLineNr(), e.getOriginalMessage());
        }
        return new Members(fields, nested);
    }

    /** An object's scalar members as text, and the names of its members that hold an object or array. */
    private record Members(Map<String, String> scalars, Map<String, String> nested) {

        String getOrDefault(String name, String absent) {
            String kind = nested.get(name);
            if (kind != null) {
                throw new NestedValue(name, kind);
            }
            return scalars.getOrDefault(name, absent);
        }

        @Override
        public String toString() {
            var all = new LinkedHashMap<String, String>(scalars);
            nested.forEach((name, kind) -> all.put(name, "<" + kind + ">"));
            return all.toString();
        }
    }

    /** A member the mapping reads holds an object or an array. */
    private static final class NestedValue extends RuntimeException {
        final String field;
        final String kind;

        NestedValue(String field, String kind) {
            super(field, null, false, false);
            this.field = field;
            this.kind = kind;
        }
    }

    /** JSON that cannot be tokenised further. */
    private static final class BrokenJson extends RuntimeException {
        final long line;

        BrokenJson(long line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}

package io.energywatch.contracts;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Writes a value that many events share from a per-thread memo of its JSON, keyed by the instance. The enrichment
 * contexts are such values: the fusion resolves a region's day once and puts that same (immutable) instance into every
 * record of the day, so writing them again for each of its records is most of the cost of an enriched event's JSON.
 * The text is what the mapper without this memo writes, character for character (tested), so consumers see no change.
 */
final class SharedFragments<T> extends ValueSerializer<T> {

    /** Enough for every (day, area) a thread interleaves in a backfill; cleared when full, so never unbounded. */
    private static final int MAX_PER_THREAD = 512;

    private final ObjectMapper plain;
    /** SerializedString keeps its UTF-8 bytes, so a memo hit is a byte copy into the generator's buffer. */
    private final ThreadLocal<Map<Object, SerializedString>> memo = ThreadLocal.withInitial(IdentityHashMap::new);

    SharedFragments(ObjectMapper plain) {
        this.plain = plain;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
        Map<Object, SerializedString> json = memo.get();
        SerializedString text = json.get(value);
        if (text == null) {
            if (json.size() >= MAX_PER_THREAD) {
                json.clear();
            }
            text = new SerializedString(plain.writeValueAsString(value));
            json.put(value, text);
        }
        gen.writeRawValue(text);
    }
}

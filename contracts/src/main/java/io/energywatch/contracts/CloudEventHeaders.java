package io.energywatch.contracts;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * CloudEvents 1.0 attributes carried as Kafka headers in binary mode (the CloudEvents Kafka protocol binding): the payload
 * is the event's JSON, the attributes are {@code ce_*} headers plus {@code content-type}.
 */
public record CloudEventHeaders(String id, String type, String source, Instant time, String specVersion,
                                String contentType, @Nullable String subject) {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    public CloudEventHeaders {
        Objects.requireNonNull(id, "ce_id");
        Objects.requireNonNull(type, "ce_type");
        Objects.requireNonNull(source, "ce_source");
        Objects.requireNonNull(time, "ce_time");
        Objects.requireNonNull(specVersion, "ce_specversion");
        Objects.requireNonNull(contentType, "content-type");
    }

    public static CloudEventHeaders forEvent(EnergyWatchEvent event, String source, @Nullable String subject) {
        Topic<?> topic = Topics.forValueType(event.getClass());
        return new CloudEventHeaders(event.eventId(), topic.ceType(), source, event.eventTime(), SPEC_VERSION_1_0, JSON,
                subject);
    }

    /** Writes the attributes, replacing any earlier {@code ce_*} headers (a stream processor's output is a new event). */
    public void writeTo(Headers headers) {
        put(headers, ID, id);
        put(headers, TYPE, type);
        put(headers, SOURCE, source);
        put(headers, TIME, IsoInstants.format(time));
        put(headers, SPEC_VERSION, specVersion);
        put(headers, CONTENT_TYPE, contentType);
        if (subject != null) {
            put(headers, SUBJECT, subject);
        } else {
            headers.remove(SUBJECT);
        }
    }

    /** Reads the attributes, failing with the name of the first missing or malformed header. */
    public static CloudEventHeaders readFrom(Headers headers) {
        String time = required(headers, TIME);
        try {
            return new CloudEventHeaders(required(headers, ID), required(headers, TYPE), required(headers, SOURCE),
                    IsoInstants.parse(time), required(headers, SPEC_VERSION), required(headers, CONTENT_TYPE),
                    optional(headers, SUBJECT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("header ce_time '" + time + "' is not an RFC 3339 instant", e);
        }
    }

    public static @Nullable String optional(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String v = optional(headers, name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("CloudEvents header " + name + " is missing");
        }
        return v;
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}

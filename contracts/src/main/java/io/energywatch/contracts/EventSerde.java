package io.energywatch.contracts;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The serde every service uses for events: JSON through {@link EventJson}, and on the way out the CloudEvents binary-mode
 * headers of the event (so plain producers and Kafka Streams both emit them without further code).
 *
 * <p>Deserialising reads {@code ce_type} when present to pick the record type, and otherwise uses the type given at
 * construction; a record whose {@code ce_type} is another event type is refused rather than mis-read.
 */
public final class EventSerde<T extends EnergyWatchEvent> implements Serde<T>, Serializer<T>, Deserializer<T> {

    /** Kafka property naming the {@code ce_source} when the serde is created by class name. */
    public static final String SOURCE_CONFIG = "energywatch.cloudevents.source";

    private final Class<T> type;
    private @Nullable String source;
    private volatile @Nullable AcceptedType lastAccepted;

    public EventSerde(Class<T> type, @Nullable String source) {
        this.type = type;
        this.source = source;
    }

    public static <T extends EnergyWatchEvent> EventSerde<T> of(Class<T> type, String source) {
        return new EventSerde<>(type, source);
    }

    /** A serde for any event type, for producers that write to several topics. */
    public static EventSerde<EnergyWatchEvent> any(String source) {
        return new EventSerde<>(EnergyWatchEvent.class, source);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            source = configured.toString();
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        try {
            return EventJson.MAPPER.writeValueAsBytes(data);
        } catch (JacksonException e) {
            throw new SerializationException("cannot write " + data.getClass().getSimpleName() + " for " + topic, e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data != null) {
            if (source == null) {
                throw new SerializationException("no ce_source configured (" + SOURCE_CONFIG + ")");
            }
            CloudEventHeaders.forEvent(data, source, null).writeTo(headers);
        }
        return serialize(topic, data);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return read(topic, type, data);
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        Header header = headers.lastHeader(CloudEventHeaders.TYPE);
        if (header == null || header.value() == null) {
            return deserialize(topic, data);
        }
        // A topic carries one ce_type: the last one accepted is compared as bytes, without decoding it for each record.
        AcceptedType accepted = lastAccepted;
        if (accepted == null || !Arrays.equals(accepted.ceType(), header.value())) {
            accepted = accept(topic, header.value());
            lastAccepted = accepted;
        }
        return type.cast(read(topic, accepted.valueType(), data));
    }

    private AcceptedType accept(String topic, byte[] ceTypeBytes) {
        String ceType = new String(ceTypeBytes, StandardCharsets.UTF_8);
        Topic<?> declared = Topics.byCeType(ceType).orElseThrow(
                () -> new SerializationException("unknown ce_type '" + ceType + "' on " + topic));
        if (!type.isAssignableFrom(declared.valueType())) {
            throw new SerializationException("ce_type '" + ceType + "' on " + topic + " is not a " + type.getSimpleName());
        }
        return new AcceptedType(ceTypeBytes.clone(), declared.valueType());
    }

    /** Immutable, so threads sharing the serde may race on the field harmlessly. */
    private record AcceptedType(byte[] ceType, Class<?> valueType) {
    }

    private <R> R read(String topic, Class<R> target, byte[] data) {
        if (data == null) {
            return null;
        }
        if (target.isInterface()) {
            throw new SerializationException("record on " + topic + " has no ce_type to tell which event it is");
        }
        try {
            return EventJson.MAPPER.readValue(data, target);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("cannot read " + target.getSimpleName() + " from " + topic + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }

    @Override
    public void close() {
        // nothing to release: the mapper is shared and stateless
    }
}

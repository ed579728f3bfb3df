package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A measurement together with the JSON it was read from, so that keeping it for re-emission ({@link KeptDay}) costs no
 * second serialisation. The JSON is the raw topic's payload, which the event serde reads without its headers.
 */
final class KeptMeasurement {

    private final byte[] json;
    private final ConsumptionMeasured value;

    private KeptMeasurement(byte[] json, ConsumptionMeasured value) {
        this.json = json;
        this.value = value;
    }

    ConsumptionMeasured value() {
        return value;
    }

    byte[] json() {
        return json;
    }

    /**
     * Source serde of the raw consumption topic: parses (and checks the {@code ce_type}) at once, so an unreadable
     * record fails in deserialisation and is dead-lettered as before, and keeps the bytes.
     */
    static Serde<Object> source(String ceSource) {
        var serde = EventSerde.of(ConsumptionMeasured.class, ceSource);
        // Typed as the fusion's input (measurements and context events), so the stream needs no conversion node.
        Deserializer<Object> deserializer = new Deserializer<>() {
            @Override
            public Object deserialize(String topic, byte[] data) {
                return data == null ? null : new KeptMeasurement(data, serde.deserialize(topic, data));
            }

            @Override
            public Object deserialize(String topic, Headers headers, byte[] data) {
                return data == null ? null : new KeptMeasurement(data, serde.deserialize(topic, headers, data));
            }
        };
        Serializer<KeptMeasurement> bytes = bytes();
        Serializer<Object> serializer = (topic, value) -> bytes.serialize(topic, (KeptMeasurement) value);
        return Serdes.serdeFrom(serializer, deserializer);
    }

    private static Serializer<KeptMeasurement> bytes() {
        return (topic, kept) -> {
            if (kept == null) {
                return null;
            }
            if (kept.json.length == 0) {
                throw new SerializationException("an empty measurement cannot be kept");
            }
            return kept.json;
        };
    }
}

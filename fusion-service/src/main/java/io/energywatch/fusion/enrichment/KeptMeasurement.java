package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EventSerde;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A measurement together with the JSON it was read from, so that keeping it for re-emission ({@link KeptDay}) costs no
 * second serialisation. The JSON is the raw topic's payload, which the event serde reads without its headers.
 */
record KeptMeasurement(byte[] json, ConsumptionMeasured value) {

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
        Serializer<Object> serializer = (topic, value) -> value == null ? null : ((KeptMeasurement) value).json();
        return Serdes.serdeFrom(serializer, deserializer);
    }
}

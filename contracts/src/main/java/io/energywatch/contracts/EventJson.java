package io.energywatch.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Jackson 3 configuration of event payloads: ISO-8601 instants and dates, unknown properties ignored so that
 * consumers survive additive changes to a contract.
 */
public final class EventJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private EventJson() {
    }
}

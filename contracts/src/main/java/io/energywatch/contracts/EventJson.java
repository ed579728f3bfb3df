package io.energywatch.contracts;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import java.time.Instant;

/**
 * The one Jackson 3 configuration of event payloads: ISO-8601 instants and dates, unknown properties ignored so that
 * consumers survive additive changes to a contract.
 */
public final class EventJson {

    /** The configuration without the memo of shared fragments: what {@link #MAPPER} writes, text for text. */
    static final JsonMapper PLAIN = base().build();

    public static final JsonMapper MAPPER = base()
            // The enrichment contexts are shared by every record of a region's day (see SharedFragments).
            .addModule(new SimpleModule("energywatch-shared-fragments")
                    .addSerializer(ConsumptionEnriched.WeatherContext.class, new SharedFragments<>(PLAIN))
                    .addSerializer(ConsumptionEnriched.CalendarContext.class, new SharedFragments<>(PLAIN))
                    .addSerializer(ConsumptionEnriched.SocialContext.class, new SharedFragments<>(PLAIN)))
            .build();

    private static JsonMapper.Builder base() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Same text as Jackson's own instant (de)serializer, at a fraction of its cost (see IsoInstants).
                .addModule(new SimpleModule("energywatch-instants")
                        .addSerializer(Instant.class, IsoInstants.JSON_SERIALIZER)
                        .addDeserializer(Instant.class, IsoInstants.JSON_DESERIALIZER));
    }

    private EventJson() {
    }
}

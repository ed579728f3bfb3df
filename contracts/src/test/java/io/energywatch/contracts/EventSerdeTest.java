package io.energywatch.contracts;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSerdeTest {

    private static final String SOURCE = "/energywatch/test";

    @Test
    void readsByCeTypeWhateverTypeTheRecordBeforeHad() {
        var any = EventSerde.any(SOURCE);
        var consumption = SampleEvents.consumption();
        var weather = SampleEvents.weather();
        for (int i = 0; i < 3; i++) {
            assertThat(roundTrip(any, consumption)).isEqualTo(consumption);
            assertThat(roundTrip(any, weather)).isEqualTo(weather);
        }
    }

    @Test
    void refusesAnotherEventTypeAndAnUnknownCeTypeEvenAfterAcceptingItsOwn() {
        var serde = EventSerde.of(ConsumptionMeasured.class, SOURCE);
        var consumption = SampleEvents.consumption();
        assertThat(roundTrip(serde, consumption)).isEqualTo(consumption);

        var weatherHeaders = new RecordHeaders();
        byte[] weatherJson = EventSerde.any(SOURCE).serialize("t", weatherHeaders, SampleEvents.weather());
        assertThatThrownBy(() -> serde.deserialize("t", weatherHeaders, weatherJson))
                .isInstanceOf(SerializationException.class).hasMessageContaining("is not a ConsumptionMeasured");

        var unknown = new RecordHeaders();
        unknown.add(CloudEventHeaders.TYPE, "energywatch.nothing.v9".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> serde.deserialize("t", unknown, weatherJson))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown ce_type 'energywatch.nothing.v9'");

        assertThat(roundTrip(serde, consumption)).isEqualTo(consumption);
    }

    private static <T extends EnergyWatchEvent> EnergyWatchEvent roundTrip(EventSerde<T> serde, T event) {
        var headers = new RecordHeaders();
        byte[] json = serde.serialize("t", headers, event);
        return serde.deserialize("t", headers, json);
    }
}

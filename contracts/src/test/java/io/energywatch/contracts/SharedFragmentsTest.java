package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class SharedFragmentsTest {

    @Test
    void anEnrichedEventIsWrittenAsWithoutTheMemoTheFirstTimeAndEveryTimeAfter() {
        ConsumptionEnriched e = SampleEvents.enriched();
        String plain = EventJson.PLAIN.writeValueAsString(e);
        assertThat(plain).contains("\"weather\":{").contains("\"calendar\":{").contains("\"social\":{");
        for (int i = 0; i < 3; i++) {
            assertThat(EventJson.MAPPER.writeValueAsString(e)).isEqualTo(plain);
        }
        assertThat(EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsBytes(e), ConsumptionEnriched.class))
                .isEqualTo(e);
    }

    @Test
    void anEqualButDistinctContextIsWrittenFromItsOwnValues() {
        ConsumptionEnriched e = SampleEvents.enriched();
        var warmer = new ConsumptionEnriched.WeatherContext(false, 10.0, 20.0, 15.0, null, null, null, null, 3.0, 0.0,
                "region", List.of("historique-meteo"));
        ConsumptionEnriched other = new ConsumptionEnriched(null, e.measurement(), e.localDate(), warmer, e.calendar(),
                e.social());
        EventJson.MAPPER.writeValueAsString(e);
        assertThat(EventJson.MAPPER.writeValueAsString(other)).isEqualTo(EventJson.PLAIN.writeValueAsString(other))
                .contains("\"tempMeanC\":15.0");
    }

    @Test
    void threadsWritingTheSameContextsConcurrentlyAllWriteTheSameText() throws Exception {
        ConsumptionEnriched e = SampleEvents.enriched();
        String plain = EventJson.PLAIN.writeValueAsString(e);
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!EventJson.MAPPER.writeValueAsString(e).equals(plain)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        }
    }
}

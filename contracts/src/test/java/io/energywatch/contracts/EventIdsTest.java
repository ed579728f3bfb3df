package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventIdsTest {

    @Test
    void isTheNameBasedUuidOfTheJoinedKey() {
        Instant start = Instant.parse("2024-10-27T01:30:00Z");
        for (Object[] parts : new Object[][]{{"elec:FR:odre:PT30M", start}, {"11", LocalDate.of(2024, 2, 29), "meteo"},
                {"été", 42, Instant.parse("2024-01-01T00:00:00.5Z")}, {}}) {
            StringBuilder joined = new StringBuilder("kind");
            for (Object p : parts) {
                joined.append('|').append(p);
            }
            assertThat(EventIds.of("kind", parts))
                    .isEqualTo(UUID.nameUUIDFromBytes(joined.toString().getBytes(StandardCharsets.UTF_8)).toString());
        }
    }

    @Test
    void keepsTheIdsOfStoredEvents() {
        // An id published before this implementation: changing it would make replays look like new facts.
        assertThat(ConsumptionMeasured.id("elec:FR:odre:PT30M", Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo(UUID.nameUUIDFromBytes("consumption|elec:FR:odre:PT30M|2024-01-01T00:00:00Z"
                        .getBytes(StandardCharsets.UTF_8)).toString());
    }
}

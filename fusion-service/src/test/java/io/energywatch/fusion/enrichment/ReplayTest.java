package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.NATIONAL;
import static io.energywatch.fusion.enrichment.Events.dayOfHalfHours;
import static io.energywatch.fusion.enrichment.Events.nationalStrike;
import static io.energywatch.fusion.enrichment.Events.weather;
import static org.assertj.core.api.Assertions.assertThat;

/** The output is a function of the input: a replay on another day gives the same records, byte for byte. */
class ReplayTest {

    @Test
    void replayingTheSameInputGivesIdenticalRecordsWhateverTheWallClock() {
        List<TestRecord<String, ConsumptionEnriched>> first = run(Instant.parse("2030-01-01T00:00:00Z"));
        List<TestRecord<String, ConsumptionEnriched>> replay = run(Instant.parse("2031-06-15T12:34:56Z"));

        assertThat(first).hasSizeGreaterThan(48);
        assertThat(replay).hasSameSizeAs(first);
        for (int i = 0; i < first.size(); i++) {
            assertThat(replay.get(i).key()).isEqualTo(first.get(i).key());
            assertThat(replay.get(i).value()).isEqualTo(first.get(i).value());
            assertThat(replay.get(i).timestamp()).isEqualTo(first.get(i).timestamp());
        }
    }

    private static List<TestRecord<String, ConsumptionEnriched>> run(Instant wallClock) {
        LocalDate day = LocalDate.of(2024, 3, 12);
        try (var fusion = new FusionDriver(FusionDriver.settings(java.time.Duration.ofDays(7)), wallClock)) {
            List<ConsumptionMeasured> national = dayOfHalfHours(NATIONAL, day, 60_000);
            fusion.measure(national.subList(0, 20).toArray(new ConsumptionMeasured[0]));
            fusion.observe(weather("11", day, 3.0, 11.0), weather("53", day, 5.0, 12.0));
            fusion.measure(national.subList(20, national.size()).toArray(new ConsumptionMeasured[0]));
            fusion.declare(nationalStrike("strike", day, day, 25.0, "retraites"));
            fusion.measure(Events.hour(BRETAGNE, Instant.parse("2024-03-12T10:00:00Z"), 900));
            fusion.driver.advanceWallClockTime(java.time.Duration.ofHours(5));
            return new ArrayList<>(fusion.drainRecords());
        }
    }
}

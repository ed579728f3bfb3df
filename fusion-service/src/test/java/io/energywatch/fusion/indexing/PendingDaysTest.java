package io.energywatch.fusion.indexing;

import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the enriched sink still owes the daily index, and when it pays it. */
class PendingDaysTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final DailyAggregator.SeriesFacts ELECTRICITY = facts("electricity:FR:odre:PT30M", "electricity");
    private static final DailyAggregator.SeriesFacts GAS = facts("gas:FR:odre:PT1H", "gas");

    private final List<String> acknowledged = new ArrayList<>();
    private final PendingDays pending = new PendingDays();

    @Test
    void batchesAreAcknowledgedInTheirOrderOnlyOnceTheirDaysAreRecomputed() {
        pending.touch(ELECTRICITY, LocalDate.of(2022, 12, 31));
        pending.indexed(ack("first"), T0);
        pending.touch(ELECTRICITY, LocalDate.of(2022, 12, 28));
        pending.indexed(ack("second"), T0.plusSeconds(1));

        assertThat(acknowledged).isEmpty();
        pending.recomputed();

        assertThat(acknowledged).containsExactly("first", "second");
        assertThat(pending.isEmpty()).isTrue();
    }

    @Test
    void theWaitCountsFromTheOldestPendingBatch() {
        pending.touch(GAS, LocalDate.of(2022, 12, 31));
        pending.indexed(ack("first"), T0);
        pending.indexed(ack("second"), T0.plusSeconds(4));

        assertThat(pending.due(T0.plusSeconds(4), Duration.ofSeconds(5))).isFalse();
        assertThat(pending.due(T0.plusSeconds(5), Duration.ofSeconds(5))).isTrue();
        pending.recomputed();
        assertThat(pending.due(T0.plusSeconds(60), Duration.ofSeconds(5))).isFalse();
    }

    @Test
    void eachSeriesIsRecomputedOverTheDaysItsBatchesTouchedAndSeriesWithTheSameDaysTogether() {
        pending.touch(ELECTRICITY, LocalDate.of(2022, 12, 31));
        pending.touch(GAS, LocalDate.of(2022, 12, 31));
        pending.touch(ELECTRICITY, LocalDate.of(2022, 12, 29));
        pending.touch(GAS, LocalDate.of(2022, 12, 29));
        pending.touch(facts("electricity:93:eco2mix:PT30M", "electricity"), LocalDate.of(2013, 6, 1));
        pending.indexed(ack("batch"), T0);

        Map<PendingDays.Range, List<DailyAggregator.SeriesFacts>> ranges = pending.byRange();

        assertThat(ranges).hasSize(2);
        assertThat(ranges.get(new PendingDays.Range(LocalDate.of(2022, 12, 29), LocalDate.of(2022, 12, 31))))
                .containsExactly(ELECTRICITY, GAS);
        assertThat(ranges.get(new PendingDays.Range(LocalDate.of(2013, 6, 1), LocalDate.of(2013, 6, 1))))
                .extracting(DailyAggregator.SeriesFacts::seriesId).containsExactly("electricity:93:eco2mix:PT30M");
    }

    private Acknowledgment ack(String name) {
        return () -> acknowledged.add(name);
    }

    private static DailyAggregator.SeriesFacts facts(String seriesId, String carrier) {
        String[] parts = seriesId.split(":");
        return new DailyAggregator.SeriesFacts(seriesId, carrier, parts[1], parts[1], parts[2], parts[3]);
    }
}

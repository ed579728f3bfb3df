package io.energywatch.drift.window;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.drift.config.DriftProperties;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rolling window keeps a fixed number of rows, drops the oldest first, and selects by interval start. */
class EnrichedWindowTest {

    private static final Instant FIRST = Instant.parse("2025-01-06T00:00:00Z");

    @Test
    void beyondItsCapacityTheWindowDropsTheOldestRows() {
        var window = new EnrichedWindow(properties(1_000));
        for (int h = 0; h < 1_500; h++) {
            window.add(enriched(h, h));
        }

        var extent = window.extent();
        assertThat(extent.rows()).isEqualTo(1_000);
        assertThat(extent.oldest()).contains(FIRST.plus(Duration.ofHours(500)));
        assertThat(extent.newest()).contains(FIRST.plus(Duration.ofHours(1_499)));
    }

    @Test
    void aSelectionTakesTheRowsOfItsIntervalThinnedEvenlyToTheLimit() {
        var window = new EnrichedWindow(properties(1_000));
        for (int h = 0; h < 100; h++) {
            window.add(enriched(h, h));
        }

        var all = window.select(FIRST.plus(Duration.ofHours(10)), FIRST.plus(Duration.ofHours(30)), Integer.MAX_VALUE);
        var thinned = window.select(FIRST, FIRST.plus(Duration.ofHours(100)), 10);

        assertThat(all.rows()).isEqualTo(20);
        assertThat(all.numeric().get("tempMeanC")[0]).isEqualTo(10.0);
        assertThat(all.numeric().get("tempMeanC")[19]).isEqualTo(29.0);
        assertThat(all.categorical().get("dayOfWeek").getFirst()).isEqualTo("MONDAY");
        assertThat(thinned.numeric().get("tempMeanC")).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    private static DriftProperties properties(int capacity) {
        return new DriftProperties(null, null, 0, 100, null, null, List.of(),
                new DriftProperties.Window(capacity, "group"), null, null, null, null);
    }

    private static ConsumptionEnriched enriched(int hour, double tempMeanC) {
        Instant start = FIRST.plus(Duration.ofHours(hour));
        var measured = ConsumptionMeasured.of(SeriesId.of(Carrier.GAS, "53", "sim", "PT1H"), "53", start,
                start.plus(Duration.ofHours(1)), 100.0, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(),
                new Lineage("test", null, null, FIRST));
        return new ConsumptionEnriched(null, measured, LocalDate.of(2025, 1, 6),
                new ConsumptionEnriched.WeatherContext(false, null, null, tempMeanC, null, null, null, null, null, null,
                        null, List.of()),
                new ConsumptionEnriched.CalendarContext(DayOfWeek.MONDAY, false, false, null, false, null),
                ConsumptionEnriched.SocialContext.none());
    }
}

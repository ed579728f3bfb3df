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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rolling window keeps a fixed number of rows, drops the oldest first, selects by interval start and scope, and
 * answers the same whatever order its rows arrived in.
 */
class EnrichedWindowTest {

    private static final Instant FIRST = Instant.parse("2025-01-06T00:00:00Z");
    private static final SeriesId GAS_53 = SeriesId.of(Carrier.GAS, "53", "sim", "PT1H");
    private static final SeriesId ELECTRICITY_11 = SeriesId.of(Carrier.ELECTRICITY, "11", "sim", "PT1H");

    @Test
    void beyondItsCapacityTheWindowDropsTheOldestRows() {
        var window = new EnrichedWindow(properties(1_000));
        for (int h = 0; h < 1_500; h++) {
            window.add(enriched(GAS_53, h, h, 100));
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
            window.add(enriched(GAS_53, h, h, 100));
        }

        var all = window.select(FIRST.plus(Duration.ofHours(10)), FIRST.plus(Duration.ofHours(30)), Integer.MAX_VALUE);
        var thinned = window.select(FIRST, FIRST.plus(Duration.ofHours(100)), 10);

        assertThat(all.rows()).isEqualTo(20);
        assertThat(all.numeric().get("tempMeanC")[0]).isEqualTo(10.0);
        assertThat(all.numeric().get("tempMeanC")[19]).isEqualTo(29.0);
        assertThat(all.numeric().get("hdd")[0]).isEqualTo(8.0);
        assertThat(all.numeric().get("value")[0]).isEqualTo(100.0);
        assertThat(all.categorical().get("dayOfWeek").getFirst()).isEqualTo("MONDAY");
        assertThat(thinned.numeric().get("tempMeanC")).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80, 90);
    }

    @Test
    void streamTimeIsTheNewestIntervalEndOfTheScopeNotTheClock() {
        var window = new EnrichedWindow(properties(1_000));
        for (int h = 0; h < 30; h++) {
            window.add(enriched(GAS_53, h, 5, 100));
        }
        window.add(enriched(ELECTRICITY_11, 200, 5, 900));
        var gas = new WindowScope("gas", null, "sim", null, false);

        assertThat(window.streamTime(gas)).contains(FIRST.plus(Duration.ofHours(30)));
        assertThat(window.streamTime(WindowScope.ALL)).contains(FIRST.plus(Duration.ofHours(201)));
        assertThat(window.streamTime(new WindowScope("gas", "11", null, null, false))).isEmpty();
    }

    @Test
    void aScopeSelectsOnlyItsSeries() {
        var window = new EnrichedWindow(properties(1_000));
        for (int h = 0; h < 24; h++) {
            window.add(enriched(GAS_53, h, 5, 100));
            window.add(enriched(ELECTRICITY_11, h, 5, 9_000));
        }

        var electricity = window.select(new WindowScope("electricity", "11", "sim", "PT1H", false), FIRST,
                FIRST.plus(Duration.ofDays(1)), Integer.MAX_VALUE);

        assertThat(electricity.rows()).isEqualTo(24);
        assertThat(electricity.numeric().get("powerMw")).containsOnly(9_000.0);
    }

    @Test
    void arrivalOrderAndRedeliveriesDoNotChangeASelection() {
        var records = new ArrayList<ConsumptionEnriched>();
        for (int h = 0; h < 48; h++) {
            records.add(enriched(GAS_53, h, h % 24, 100 + h));
            records.add(enriched(ELECTRICITY_11, h, h % 24, 9_000 + h));
        }
        var inOrder = new EnrichedWindow(properties(1_000));
        records.forEach(inOrder::add);
        var shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(3));
        var replayed = new EnrichedWindow(properties(1_000));
        shuffled.forEach(replayed::add);
        records.subList(0, 10).forEach(replayed::add);

        var a = inOrder.select(FIRST, FIRST.plus(Duration.ofDays(2)), 30);
        var b = replayed.select(FIRST, FIRST.plus(Duration.ofDays(2)), 30);

        assertThat(b.rows()).isEqualTo(a.rows()).isEqualTo(30);
        assertThat(b.numeric().get("powerMw")).containsExactly(a.numeric().get("powerMw"));
        assertThat(b.categorical().get("carrier")).containsExactlyElementsOf(a.categorical().get("carrier"));
    }

    @Test
    void aRecordReceivedAgainCountsOnceAsItsLatestVersion() {
        var window = new EnrichedWindow(properties(1_000));
        window.add(enriched(GAS_53, 0, 5, 100));
        window.add(enriched(GAS_53, 0, 7, 100));

        var selected = window.select(FIRST, FIRST.plus(Duration.ofHours(1)), Integer.MAX_VALUE);

        assertThat(selected.rows()).isEqualTo(1);
        assertThat(selected.numeric().get("tempMeanC")).containsExactly(7.0);
    }

    @Test
    void aDailyScopeSumsTheEnergyOfCompleteDaysAndAveragesTheRest() {
        var window = new EnrichedWindow(properties(1_000, ZoneOffset.UTC));
        for (int h = 0; h < 24 + 12; h++) {
            window.add(enriched(ELECTRICITY_11, h, h < 24 ? 10 : 20, 1_000));
        }
        var daily = new WindowScope("electricity", "11", "sim", null, true);

        var days = window.select(daily, FIRST, FIRST.plus(Duration.ofDays(2)), Integer.MAX_VALUE);

        assertThat(days.rows()).isEqualTo(2);
        // 24 hours at 1,000 MW: 24,000 MWh; the second day has 12 hours only, so no daily energy.
        assertThat(days.numeric().get("energyMwh")[0]).isEqualTo(24_000.0);
        assertThat(days.numeric().get("energyMwh")[1]).isNaN();
        assertThat(days.numeric().get("tempMeanC")).containsExactly(10.0, 20.0);
        assertThat(days.categorical().get("dayOfWeek")).containsExactly("MONDAY", "MONDAY");
    }

    @Test
    void aDailyScopeReadsThePublishedDailySeriesRatherThanItsIntervalsWhenBothArrive() {
        var window = new EnrichedWindow(properties(1_000, ZoneOffset.UTC));
        for (int h = 0; h < 24; h++) {
            window.add(enriched(ELECTRICITY_11, h, 10, 1_000));
        }
        var day = ConsumptionMeasured.of(SeriesId.of(Carrier.ELECTRICITY, "11", "sim", "P1D"), "11", FIRST,
                FIRST.plus(Duration.ofDays(1)), 23_000.0, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(),
                new Lineage("test", null, null, FIRST));
        window.add(new ConsumptionEnriched(null, day, LocalDate.of(2025, 1, 6),
                new ConsumptionEnriched.WeatherContext(false, null, null, 10.0, null, null, null, null, 8.0, null,
                        null, List.of()),
                new ConsumptionEnriched.CalendarContext(DayOfWeek.MONDAY, false, false, null, false, null),
                ConsumptionEnriched.SocialContext.none()));

        var days = window.select(new WindowScope("electricity", "11", "sim", null, true), FIRST,
                FIRST.plus(Duration.ofDays(1)), Integer.MAX_VALUE);

        assertThat(days.rows()).isEqualTo(1);
        assertThat(days.numeric().get("energyMwh")).containsExactly(23_000.0);
    }

    static DriftProperties properties(int capacity) {
        return properties(capacity, ZoneId.of("Europe/Paris"));
    }

    private static DriftProperties properties(int capacity, ZoneId zone) {
        return new DriftProperties(null, null, 0, 100, null, null, List.of(),
                new DriftProperties.Window(capacity, "group"),
                new DriftProperties.Schedule("0 15 2 * * *", Duration.ofDays(1), 1_000, "0 45 2 * * MON",
                        Duration.ofDays(7), zone, Duration.ofDays(28), Duration.ofDays(56), 200), null, null, null, null, null, null);
    }

    private static ConsumptionEnriched enriched(SeriesId series, int hour, double tempMeanC, double powerMw) {
        Instant start = FIRST.plus(Duration.ofHours(hour));
        var measured = ConsumptionMeasured.of(series, series.area(), start, start.plus(Duration.ofHours(1)), powerMw,
                MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), new Lineage("test", null, null, FIRST));
        return new ConsumptionEnriched(null, measured, LocalDate.of(2025, 1, 6),
                new ConsumptionEnriched.WeatherContext(false, null, null, tempMeanC, null, null, null, null,
                        Math.max(0, 18 - tempMeanC), null, null, List.of()),
                new ConsumptionEnriched.CalendarContext(DayOfWeek.MONDAY, false, false, null, false, null),
                ConsumptionEnriched.SocialContext.none());
    }
}

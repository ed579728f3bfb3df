package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.SeriesId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.energywatch.fusion.enrichment.Events.PACA;
import static io.energywatch.fusion.enrichment.Events.at;
import static io.energywatch.fusion.enrichment.Events.dayOfHalfHours;
import static io.energywatch.fusion.enrichment.Events.halfHour;
import static io.energywatch.fusion.enrichment.Events.weatherMean;
import static org.assertj.core.api.Assertions.assertThat;

/** The 23-hour and 25-hour local days: every half-hour lands on its Europe/Paris day and takes that day's weather. */
class DaylightSavingDaysTest {

    private static final LocalDate SPRING_FORWARD = LocalDate.of(2024, 3, 31);
    private static final LocalDate FALL_BACK = LocalDate.of(2024, 10, 27);

    @Test
    void theSpringForwardDayHas46HalfHoursAllWithThatDaysWeather() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weatherMean("93", SPRING_FORWARD.minusDays(1), 10.0), weatherMean("93", SPRING_FORWARD, 14.0),
                    weatherMean("93", SPRING_FORWARD.plusDays(1), 16.0));
            fusion.measure(dayOfHalfHours(PACA, SPRING_FORWARD, 5_000).toArray(new io.energywatch.contracts.ConsumptionMeasured[0]));
            // The half-hours on each side of midnight local time: 23:30 CET the day before, 00:00 CEST the day after.
            fusion.measure(halfHour(PACA, at("2024-03-30T22:30:00Z"), 5_000), halfHour(PACA, at("2024-03-31T22:00:00Z"), 5_000));

            List<ConsumptionEnriched> out = fusion.drain();
            List<ConsumptionEnriched> ofDay = out.stream().filter(e -> e.localDate().equals(SPRING_FORWARD)).toList();
            assertThat(ofDay).hasSize(46).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(14.0));
            assertThat(ofDay.getFirst().measurement().intervalStart()).isEqualTo(at("2024-03-30T23:00:00Z"));
            assertThat(ofDay.getLast().measurement().intervalStart()).isEqualTo(at("2024-03-31T21:30:00Z"));
            assertThat(out.get(46).localDate()).isEqualTo(SPRING_FORWARD.minusDays(1));
            assertThat(out.get(46).weather().tempMeanC()).isEqualTo(10.0);
            assertThat(out.get(47).localDate()).isEqualTo(SPRING_FORWARD.plusDays(1));
            assertThat(out.get(47).weather().tempMeanC()).isEqualTo(16.0);
        }
    }

    @Test
    void theFallBackDayHas50HalfHoursAllWithThatDaysWeather() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weatherMean("93", FALL_BACK, 15.0), weatherMean("93", FALL_BACK.plusDays(1), 11.0));
            fusion.measure(dayOfHalfHours(PACA, FALL_BACK, 4_800).toArray(new io.energywatch.contracts.ConsumptionMeasured[0]));
            fusion.measure(halfHour(PACA, at("2024-10-27T23:00:00Z"), 4_800));

            List<ConsumptionEnriched> out = fusion.drain();
            List<ConsumptionEnriched> ofDay = out.stream().filter(e -> e.localDate().equals(FALL_BACK)).toList();
            assertThat(ofDay).hasSize(50).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(15.0));
            // Both 02:30 local times (00:30Z in summer time, 01:30Z in winter time) belong to the 27th.
            assertThat(ofDay).extracting(e -> e.measurement().intervalStart())
                    .contains(at("2024-10-27T00:30:00Z"), at("2024-10-27T01:30:00Z"))
                    .startsWith(at("2024-10-26T22:00:00Z")).endsWith(at("2024-10-27T22:30:00Z"));
            assertThat(out.getLast().localDate()).isEqualTo(FALL_BACK.plusDays(1));
        }
    }

    @Test
    void aFallBackDayOfMinuteDataArrivingBeforeItsWeatherIsReEmittedWholeAndInIntervalOrder() {
        try (var fusion = new FusionDriver()) {
            // 25 hours of minutes, arriving newest first: kept in the day's four local six-hour parts.
            List<io.energywatch.contracts.ConsumptionMeasured> minutes = new java.util.ArrayList<>();
            for (java.time.Instant t = LocalDays.start(FALL_BACK); t.isBefore(LocalDays.start(FALL_BACK.plusDays(1)));
                 t = t.plusSeconds(60)) {
                minutes.add(io.energywatch.contracts.ConsumptionMeasured.of(PACA, "93", t, t.plusSeconds(60), 4_800.0,
                        io.energywatch.contracts.MeasurementUnit.MW, io.energywatch.contracts.QualityStatus.CONSOLIDATED,
                        List.of(), Events.LINEAGE));
            }
            fusion.measure(minutes.reversed().toArray(new io.energywatch.contracts.ConsumptionMeasured[0]));
            assertThat(fusion.drain()).hasSize(1500);

            fusion.observe(weatherMean("93", FALL_BACK, 15.0));

            List<ConsumptionEnriched> again = fusion.drain();
            assertThat(again).extracting(e -> e.measurement().intervalStart())
                    .containsExactlyElementsOf(minutes.stream().map(m -> m.intervalStart()).toList());
            assertThat(again).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(15.0));
        }
    }

    @Test
    void theQuartersOfALocalDayFollowItsClockThroughBothChanges() {
        // Spring forward: 01:59 local is followed by 03:00, both before 06:00 (part 0).
        assertThat(LocalDays.quarterOfDay(at("2024-03-31T00:59:00Z"))).isZero();
        assertThat(LocalDays.quarterOfDay(at("2024-03-31T01:00:00Z"))).isZero();
        assertThat(LocalDays.quarterOfDay(at("2024-03-31T04:00:00Z"))).isEqualTo(1);
        // Fall back: both 02:30 local are in part 0; 06:00 local is 05:00Z.
        assertThat(LocalDays.quarterOfDay(at("2024-10-27T00:30:00Z"))).isZero();
        assertThat(LocalDays.quarterOfDay(at("2024-10-27T01:30:00Z"))).isZero();
        assertThat(LocalDays.quarterOfDay(at("2024-10-27T05:00:00Z"))).isEqualTo(1);
        assertThat(LocalDays.quarterOfDay(at("2024-10-27T22:59:00Z"))).isEqualTo(3);
        assertThat(LocalDays.quarterOfDay(at("2024-10-27T23:00:00Z"))).isZero();
    }

    @Test
    void aDailyValueOfADstDayIsOnThatDayWithItsRealLength() {
        SeriesId daily = PACA.withResolution("P1D");
        try (var fusion = new FusionDriver()) {
            fusion.measure(Events.daily(daily, FALL_BACK, 120_000), Events.daily(daily, SPRING_FORWARD, 110_000));

            List<ConsumptionEnriched> out = fusion.drain();
            assertThat(out).extracting(ConsumptionEnriched::localDate).containsExactly(FALL_BACK, SPRING_FORWARD);
            assertThat(out.get(0).measurement().powerMw()).isEqualTo(120_000 / 25.0);
            assertThat(out.get(1).measurement().powerMw()).isEqualTo(110_000 / 23.0);
        }
    }
}

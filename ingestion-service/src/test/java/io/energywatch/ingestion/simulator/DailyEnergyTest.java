package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailyEnergyTest {

    private static SimulatedEvents around(LocalDate day) {
        return SimulatedEvents.of(new Simulator(SimulationRequest.of(3, day.minusDays(1), day.plusDays(1))
                .withRegions(List.of("11", "75", "94"))));
    }

    @Test
    void dailyEnergyIsTheSumOfTheDaysHalfHourlyEnergiesAroundBothClockChanges() {
        for (LocalDate clockChange : List.of(LocalDate.of(2024, 3, 31), LocalDate.of(2024, 10, 27))) {
            SimulatedEvents events = around(clockChange);
            Map<String, Double> halfHourlySums = events.halfHourly().stream().collect(Collectors.groupingBy(
                    r -> r.regionCode() + "|" + SimulatedEvents.localDay(r),
                    Collectors.summingDouble(ConsumptionMeasured::energyMwh)));

            assertThat(events.daily()).hasSize(9).allSatisfy(daily -> {
                assertThat(daily.unit()).isEqualTo(MeasurementUnit.MWH);
                assertThat(daily.flags()).contains(QualityFlag.DERIVED);
                assertThat(daily.energyMwh()).isCloseTo(
                        halfHourlySums.get(daily.regionCode() + "|" + SimulatedEvents.localDay(daily)), within(1e-6));
            });
        }
    }

    @Test
    void theSpringForwardDayHas23HoursAndTheFallBackDay25() {
        ConsumptionMeasured spring = dailyOf(around(LocalDate.of(2024, 3, 31)), LocalDate.of(2024, 3, 31));
        ConsumptionMeasured autumn = dailyOf(around(LocalDate.of(2024, 10, 27)), LocalDate.of(2024, 10, 27));

        assertThat(Duration.between(spring.intervalStart(), spring.intervalEnd())).hasHours(23);
        assertThat(spring.intervalStart()).hasToString("2024-03-30T23:00:00Z");
        assertThat(Duration.between(autumn.intervalStart(), autumn.intervalEnd())).hasHours(25);
        assertThat(autumn.intervalStart()).hasToString("2024-10-26T22:00:00Z");
        assertThat(spring.powerMw()).isCloseTo(spring.energyMwh() / 23, within(1e-9));
        assertThat(autumn.powerMw()).isCloseTo(autumn.energyMwh() / 25, within(1e-9));
    }

    @Test
    void clockChangeDaysHave46And50HalfHoursPerRegion() {
        assertThat(halfHoursOf(around(LocalDate.of(2024, 3, 31)), LocalDate.of(2024, 3, 31))).hasSize(46);
        assertThat(halfHoursOf(around(LocalDate.of(2024, 10, 27)), LocalDate.of(2024, 10, 27))).hasSize(50);
        assertThat(halfHoursOf(around(LocalDate.of(2024, 10, 27)), LocalDate.of(2024, 10, 28))).hasSize(48);
    }

    private static ConsumptionMeasured dailyOf(SimulatedEvents events, LocalDate day) {
        return events.daily().stream()
                .filter(r -> r.regionCode().equals("11") && SimulatedEvents.localDay(r).equals(day))
                .findFirst().orElseThrow();
    }

    private static List<ConsumptionMeasured> halfHoursOf(SimulatedEvents events, LocalDate day) {
        return events.halfHourly().stream()
                .filter(r -> r.regionCode().equals("11") && SimulatedEvents.localDay(r).equals(day))
                .toList();
    }
}

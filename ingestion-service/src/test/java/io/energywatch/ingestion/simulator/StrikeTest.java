package io.energywatch.ingestion.simulator;

import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MovementScope;
import io.energywatch.contracts.SocialMovementDeclared;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StrikeTest {

    private static final SimulationRequest YEAR = SimulationRequest.of(21, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31))
            .withRegions(List.of("11", "76"))
            .withResolutions(Set.of(SimulatedResolution.DAILY))
            .withAnomalies(AnomalySettings.none());

    @Test
    void aYearHoldsAFewShortNationalMovementsOnWorkingDays() {
        Simulator simulator = new Simulator(YEAR);

        assertThat(simulator.movements()).hasSize(4).allSatisfy(m -> {
            assertThat(m.scope()).isEqualTo(MovementScope.NATIONAL);
            assertThat(m.source()).isEqualTo("sim");
            assertThat(m.endDate().toEpochDay() - m.startDate().toEpochDay() + 1).isBetween(1L, 3L);
            assertThat(m.strikerRatePercent()).isBetween(15.0, 45.0);
            assertThat(StrikeModel.defaults().motives()).contains(m.motive());
            assertThat(m.startDate().datesUntil(m.endDate().plusDays(1))).allMatch(d ->
                    d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                            && !FrenchHolidays.isHoliday(d));
        });
        assertThat(simulator.events().filter(SocialMovementDeclared.class::isInstance).toList())
                .isEqualTo(simulator.movements());
    }

    @Test
    void strikeDaysLowerDemandByTheStrikerRateTimesTheReductionPerPercent() {
        Simulator withStrikes = new Simulator(YEAR);
        Simulator withoutStrikes = new Simulator(YEAR.withModel(SimulationModel.defaults().withStrikes(StrikeModel.none())));
        Map<String, Double> calm = SimulatedEvents.of(withoutStrikes).daily().stream()
                .collect(Collectors.toMap(StrikeTest::key, ConsumptionMeasured::energyMwh));
        double perPercent = StrikeModel.defaults().demandReductionPerStrikerPercent();

        for (ConsumptionMeasured day : SimulatedEvents.of(withStrikes).daily()) {
            LocalDate date = SimulatedEvents.localDay(day);
            double expectedReduction = withStrikes.movements().stream().filter(m -> m.covers(date, day.regionCode()))
                    .mapToDouble(m -> m.strikerRatePercent() * perPercent).findFirst().orElse(0);
            assertThat(1 - day.energyMwh() / calm.get(key(day))).isCloseTo(expectedReduction, within(1e-4));
        }
    }

    private static String key(ConsumptionMeasured record) {
        return record.regionCode() + "|" + SimulatedEvents.localDay(record);
    }
}

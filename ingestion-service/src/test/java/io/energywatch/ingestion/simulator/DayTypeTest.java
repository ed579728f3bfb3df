package io.energywatch.ingestion.simulator;

import io.energywatch.analytics.calendar.FrenchHolidays;
import io.energywatch.analytics.calendar.PublicHoliday;
import io.energywatch.contracts.ConsumptionMeasured;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class DayTypeTest {

    private static final SimulatedEvents YEAR = SimulatedEvents.of(new Simulator(SimulationRequest.of(5,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withRegions(List.of("84", "32", "52"))
            .withAnomalies(AnomalySettings.none())
            .withModel(SimulationModel.defaults().withStrikes(StrikeModel.none()))));

    private static final Map<LocalDate, Double> NATIONAL_MW = YEAR.daily().stream().collect(Collectors.groupingBy(
            SimulatedEvents::localDay, Collectors.summingDouble(ConsumptionMeasured::powerMw)));

    @Test
    void weekendsConsumeLessThanWorkdays() {
        double workdays = meanOver(d -> TemperatureResponseTest.isWorkday(d));
        double weekends = meanOver(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY);

        assertThat(weekends).isLessThan(workdays * 0.95);
    }

    @Test
    void sundaysConsumeLessThanSaturdays() {
        assertThat(meanOver(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY))
                .isLessThan(meanOver(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY));
    }

    @Test
    void publicHolidaysOnWeekdaysConsumeLessThanTheSameWeekdayAWeekBeforeAndAfter() {
        List<LocalDate> weekdayHolidays = FrenchHolidays.of(2024).stream().map(PublicHoliday::date)
                .filter(d -> d.getDayOfWeek().getValue() <= 5)
                .filter(d -> d.getMonthValue() != 12 && d.getMonthValue() != 1)
                .toList();
        double ratioSum = 0;
        for (LocalDate holiday : weekdayHolidays) {
            double neighbours = List.of(holiday.minusWeeks(1), holiday.plusWeeks(1)).stream()
                    .filter(d -> !FrenchHolidays.isHoliday(d))
                    .mapToDouble(NATIONAL_MW::get).average().orElseThrow();
            ratioSum += NATIONAL_MW.get(holiday) / neighbours;
        }

        assertThat(weekdayHolidays).hasSizeGreaterThanOrEqualTo(7);
        assertThat(ratioSum / weekdayHolidays.size()).isLessThan(0.95);
    }

    @Test
    void workdayDemandPeaksInTheEveningAndBottomsOutAtNight() {
        Map<Integer, Double> byHour = YEAR.halfHourly().stream()
                .filter(r -> r.regionCode().equals("84"))
                .filter(r -> TemperatureResponseTest.isWorkday(SimulatedEvents.localDay(r)))
                .collect(Collectors.groupingBy(r -> r.intervalStart().atZone(SimulatedEvents.PARIS).getHour(),
                        Collectors.averagingDouble(ConsumptionMeasured::powerMw)));
        double dailyMean = byHour.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();

        assertThat(byHour.get(19)).isGreaterThan(dailyMean * 1.08);
        assertThat(byHour.get(10)).isGreaterThan(dailyMean * 1.05);
        assertThat(byHour.get(4)).isLessThan(dailyMean * 0.90);
        assertThat(Set.of(3, 4, 5)).contains(byHour.entrySet().stream()
                .min(Map.Entry.comparingByValue()).orElseThrow().getKey());
    }

    private static double meanOver(java.util.function.Predicate<LocalDate> days) {
        return NATIONAL_MW.entrySet().stream().filter(e -> days.test(e.getKey()))
                .mapToDouble(Map.Entry::getValue).average().orElseThrow();
    }
}

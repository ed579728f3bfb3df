package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.analytics.calendar.FrenchHolidays;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

class TemperatureResponseTest {

    private static final SimulationRequest YEAR_IN_PARIS = SimulationRequest.of(11, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 12, 31))
            .withRegions(List.of("11"))
            .withResolutions(java.util.Set.of(SimulatedResolution.DAILY))
            .withAnomalies(AnomalySettings.none())
            .withModel(SimulationModel.defaults().withStrikes(StrikeModel.none()));

    @Test
    void winterDemandFallsByAboutTheHeatingGradientPerDegreeOfWarmth() {
        SimulatedEvents events = SimulatedEvents.of(new Simulator(YEAR_IN_PARIS));
        Map<LocalDate, Double> temperature = temperatures(events);
        List<ConsumptionMeasured> winterWorkdays = events.daily().stream()
                .filter(r -> isWorkday(SimulatedEvents.localDay(r)))
                .filter(r -> SimulatedEvents.localDay(r).getMonthValue() <= 2
                        || SimulatedEvents.localDay(r).getMonthValue() == 12)
                .toList();

        double[] x = winterWorkdays.stream().mapToDouble(r -> temperature.get(SimulatedEvents.localDay(r))).toArray();
        double[] y = winterWorkdays.stream().mapToDouble(ConsumptionMeasured::powerMw).toArray();
        double slope = slope(x, y);

        double share = (double) Regions.require("11").population() / Regions.totalPopulation();
        double gradient = ConsumptionModel.defaults().heatingGradientMwPerC() * share;
        assertThat(slope).isBetween(-1.4 * gradient, -0.6 * gradient);
    }

    @Test
    void raisingTheHeatingThresholdRaisesDemandOnColdDaysOnlyAndByTheGradient() {
        ConsumptionModel defaults = ConsumptionModel.defaults();
        SimulatedEvents base = SimulatedEvents.of(new Simulator(YEAR_IN_PARIS));
        SimulatedEvents warmerThreshold = SimulatedEvents.of(new Simulator(YEAR_IN_PARIS.withModel(YEAR_IN_PARIS.model()
                .withConsumption(defaults.withThresholds(18, defaults.coolingThresholdC())))));
        Map<LocalDate, Double> temperature = temperatures(base);
        double share = (double) Regions.require("11").population() / Regions.totalPopulation();
        int colder = 0;
        int warmer = 0;

        for (int i = 1; i < base.daily().size(); i++) {
            LocalDate day = SimulatedEvents.localDay(base.daily().get(i));
            double effective = (1 - defaults.thermalInertia()) * temperature.get(day)
                    + defaults.thermalInertia() * temperature.get(day.minusDays(1));
            double before = base.daily().get(i).powerMw();
            double after = warmerThreshold.daily().get(i).powerMw();
            if (effective < 14.8) {
                // Three degrees more of heating, scaled by the day's level noise (sd 1.2 %).
                assertThat(after - before).isCloseTo(3 * defaults.heatingGradientMwPerC() * share, withinPercentage(6));
                colder++;
            } else if (effective > 18.2 && effective < defaults.coolingThresholdC()) {
                assertThat(after).isEqualTo(before);
                warmer++;
            }
        }
        assertThat(colder).isGreaterThan(100);
        assertThat(warmer).isGreaterThan(30);
    }

    @Test
    void hotSummerDaysInProvenceNeedAirConditioning() {
        SimulationRequest provence = YEAR_IN_PARIS.withRegions(List.of("93"))
                .withModel(YEAR_IN_PARIS.model().withConsumption(ConsumptionModel.defaults().withThresholds(15, 22)));
        SimulatedEvents events = SimulatedEvents.of(new Simulator(provence));
        Map<LocalDate, Double> temperature = temperatures(events);
        List<ConsumptionMeasured> summerWorkdays = events.daily().stream()
                .filter(r -> isWorkday(SimulatedEvents.localDay(r)))
                .filter(r -> SimulatedEvents.localDay(r).getMonthValue() >= 6 && SimulatedEvents.localDay(r).getMonthValue() <= 8)
                .toList();

        double hot = mean(summerWorkdays.stream().filter(r -> temperature.get(SimulatedEvents.localDay(r)) > 25));
        double mild = mean(summerWorkdays.stream().filter(r -> temperature.get(SimulatedEvents.localDay(r)) < 21));

        assertThat(hot).isGreaterThan(mild * 1.02);
    }

    static Map<LocalDate, Double> temperatures(SimulatedEvents events) {
        return events.weather().stream().collect(Collectors.toMap(WeatherObserved::date, WeatherObserved::tempMeanC));
    }

    static boolean isWorkday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !FrenchHolidays.isHoliday(day) && !(day.getMonthValue() == 12 && day.getDayOfMonth() >= 24);
    }

    private static double mean(java.util.stream.Stream<ConsumptionMeasured> records) {
        return records.mapToDouble(ConsumptionMeasured::powerMw).average().orElseThrow();
    }

    private static double slope(double[] x, double[] y) {
        double mx = java.util.Arrays.stream(x).average().orElseThrow();
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }
}

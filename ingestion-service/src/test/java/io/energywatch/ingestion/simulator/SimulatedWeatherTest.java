package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.WeatherObserved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatedWeatherTest {

    private static final List<WeatherObserved> YEAR = SimulatedEvents.of(new Simulator(SimulationRequest.of(99,
                    LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
            .withRegions(List.of("11", "32", "44", "53", "93", "94"))
            .withResolutions(Set.of(SimulatedResolution.DAILY))
            .withAnomalies(AnomalySettings.none()))).weather();

    @Test
    void everyRegionGetsOneObservationPerDayFromTheSimSource() {
        assertThat(YEAR).hasSize(6 * 366);
        assertThat(YEAR).allSatisfy(w -> {
            assertThat(w.source()).isEqualTo("sim");
            assertThat(w.eventId()).isEqualTo(WeatherObserved.id(w.regionCode(), w.date(), "sim"));
        });
    }

    @Test
    void measuresStayWithinPhysicalBounds() {
        assertThat(YEAR).allSatisfy(w -> {
            assertThat(w.tempMinC()).isLessThanOrEqualTo(w.tempMeanC());
            assertThat(w.tempMeanC()).isLessThanOrEqualTo(w.tempMaxC());
            assertThat(w.tempMeanC()).isBetween(-20.0, 40.0);
            assertThat(w.humidityPercent()).isBetween(0.0, 100.0);
            assertThat(w.cloudCoverPercent()).isBetween(0.0, 100.0);
            assertThat(w.windKmh()).isBetween(0.0, 150.0);
            assertThat(w.visibilityKm()).isBetween(0.1, 70.0);
        });
    }

    @Test
    void corsicaAndProvenceAreWarmerThanGrandEstInEverySeason() {
        for (Month month : List.of(Month.JANUARY, Month.APRIL, Month.JULY, Month.OCTOBER)) {
            double grandEst = meanTemperature("44", month);
            assertThat(meanTemperature("94", month)).isGreaterThan(grandEst + 1.5);
            assertThat(meanTemperature("93", month)).isGreaterThan(grandEst + 1.5);
        }
    }

    @Test
    void summerIsMuchWarmerThanWinter() {
        assertThat(meanTemperature("11", Month.JULY)).isBetween(16.0, 25.0);
        assertThat(meanTemperature("11", Month.JANUARY)).isBetween(0.0, 9.0);
    }

    @Test
    void temperatureAnomaliesPersistFromOneDayToTheNext() {
        double[] anomalies = YEAR.stream().filter(w -> w.regionCode().equals("11"))
                .mapToDouble(w -> w.tempMeanC() - meanTemperature("11", w.date().getMonth()))
                .toArray();

        double lagOne = 0;
        double variance = 0;
        for (int i = 0; i < anomalies.length; i++) {
            variance += anomalies[i] * anomalies[i];
            if (i > 0) {
                lagOne += anomalies[i] * anomalies[i - 1];
            }
        }
        assertThat(lagOne / variance).isBetween(0.55, 0.95);
    }

    @Test
    void dayLengthFollowsTheAstronomicalFormula() {
        // Paris: 16 h 11 min at the June solstice, 8 h 14 min at the December one.
        assertThat(dayLength("11", LocalDate.of(2024, 6, 20))).isBetween(966, 976);
        assertThat(dayLength("11", LocalDate.of(2024, 12, 21))).isBetween(489, 499);
        assertThat(dayLength("11", LocalDate.of(2024, 3, 20))).isBetween(722, 736);
        // Further north, longer summer days and shorter winter ones.
        assertThat(dayLength("32", LocalDate.of(2024, 6, 20))).isGreaterThan(dayLength("94", LocalDate.of(2024, 6, 20)) + 40);
        assertThat(dayLength("32", LocalDate.of(2024, 12, 21))).isLessThan(dayLength("94", LocalDate.of(2024, 12, 21)) - 40);
    }

    private static double meanTemperature(String region, Month month) {
        return YEAR.stream().filter(w -> w.regionCode().equals(region) && w.date().getMonth() == month)
                .mapToDouble(WeatherObserved::tempMeanC).average().orElseThrow();
    }

    private static int dayLength(String region, LocalDate date) {
        return YEAR.stream().filter(w -> w.regionCode().equals(region) && w.date().equals(date))
                .findFirst().orElseThrow().dayDurationMin();
    }
}

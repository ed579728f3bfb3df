package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.ConsumptionMeasured;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Month;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NationalLevelTest {

    @Test
    void theThirteenRegionsAddUpToFrancesWinterAndSummerDemand() {
        SimulatedEvents year = SimulatedEvents.of(new Simulator(SimulationRequest.of(2024, LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31))
                .withResolutions(Set.of(SimulatedResolution.DAILY))
                .withAnomalies(AnomalySettings.none())));
        Map<LocalDate, Double> nationalGw = year.daily().stream().collect(Collectors.groupingBy(
                SimulatedEvents::localDay, Collectors.summingDouble(r -> r.powerMw() / 1000)));

        assertThat(year.daily()).extracting(ConsumptionMeasured::regionCode).containsOnly(
                "11", "24", "27", "28", "32", "44", "52", "53", "75", "76", "84", "93", "94");
        assertThat(monthlyMean(nationalGw, Month.JANUARY)).isBetween(60.0, 85.0);
        assertThat(monthlyMean(nationalGw, Month.JULY)).isBetween(35.0, 50.0);
        assertThat(nationalGw.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .isBetween(50.0, 58.0);
    }

    private static double monthlyMean(Map<LocalDate, Double> nationalGw, Month month) {
        return nationalGw.entrySet().stream().filter(e -> e.getKey().getMonth() == month)
                .mapToDouble(Map.Entry::getValue).average().orElseThrow();
    }
}

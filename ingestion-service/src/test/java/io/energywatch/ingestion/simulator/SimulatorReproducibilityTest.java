package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorReproducibilityTest {

    private static final SimulationRequest REQUEST = SimulationRequest.of(7, LocalDate.of(2024, 3, 1),
            LocalDate.of(2024, 4, 30)).withRegions(List.of("11", "53", "94"));

    @Test
    void theSameSeedProducesIdenticalEventsAndLabels() {
        Simulator first = new Simulator(REQUEST);
        Simulator second = new Simulator(REQUEST);

        assertThat(second.events().toList()).isEqualTo(first.events().toList());
        assertThat(second.labels()).isEqualTo(first.labels()).isNotEmpty();
        assertThat(second.movements()).isEqualTo(first.movements());
    }

    @Test
    void aDifferentSeedProducesDifferentValuesOfTheSameSeries() {
        List<ConsumptionMeasured> seven = SimulatedEvents.of(new Simulator(REQUEST)).halfHourly();
        List<ConsumptionMeasured> eight = SimulatedEvents.of(new Simulator(REQUEST.withSeed(8))).halfHourly();

        assertThat(eight).hasSameSizeAs(seven);
        assertThat(eight).extracting(ConsumptionMeasured::eventId)
                .containsExactlyElementsOf(seven.stream().map(ConsumptionMeasured::eventId).toList());
        long differing = java.util.stream.IntStream.range(0, seven.size())
                .filter(i -> !seven.get(i).value().equals(eight.get(i).value()))
                .count();
        assertThat(differing).isGreaterThan(seven.size() * 9L / 10);
        assertThat(new Simulator(REQUEST.withSeed(8)).labels()).isNotEqualTo(new Simulator(REQUEST).labels());
    }

    @Test
    void eventsComeOutInTimeOrder() {
        List<EnergyWatchEvent> events = new Simulator(REQUEST).events().toList();

        assertThat(events).extracting(EnergyWatchEvent::eventTime).isSorted();
    }

    @Test
    void theCallbackReceivesTheSameEventsAsTheStream() {
        Simulator simulator = new Simulator(REQUEST);
        List<EnergyWatchEvent> received = new ArrayList<>();

        simulator.forEach(received::add);

        assertThat(received).isEqualTo(simulator.events().toList());
    }

    @Test
    void aStreamCanBeCutShortWithoutGeneratingTheWholePeriod() {
        SimulationRequest decade = SimulationRequest.of(7, LocalDate.of(2020, 1, 1), LocalDate.of(2029, 12, 31))
                .withAnomalies(AnomalySettings.none())
                .withModel(SimulationModel.defaults().withStrikes(StrikeModel.none()));

        List<EnergyWatchEvent> firstDay = new Simulator(decade).events().limit(13 + 13 + 48 * 13).toList();

        assertThat(firstDay).hasSize(13 + 13 + 48 * 13);
        assertThat(firstDay.getLast().eventTime()).isEqualTo(java.time.Instant.parse("2020-01-01T22:30:00Z"));
    }

    @Test
    void recordsCarryTheRequestedLineageAndSimulatedQuality() {
        java.time.Instant generatedAt = java.time.Instant.parse("2025-01-02T03:04:05Z");
        Simulator simulator = new Simulator(REQUEST.withLineage("simulator", "job-42", generatedAt));

        List<ConsumptionMeasured> records = SimulatedEvents.of(simulator).halfHourly();

        assertThat(records).allSatisfy(r -> {
            assertThat(r.lineage().origin()).isEqualTo("simulator");
            assertThat(r.lineage().ingestionJobId()).isEqualTo("job-42");
            assertThat(r.lineage().ingestedAt()).isEqualTo(generatedAt);
            assertThat(r.quality()).isEqualTo(io.energywatch.contracts.QualityStatus.SIMULATED);
            assertThat(r.source()).isEqualTo("sim");
            assertThat(r.seriesId()).isEqualTo("electricity:" + r.regionCode() + ":sim:PT30M");
        });
    }

    @Test
    void twoAdjacentDayWindowsHandOutExactlyTheWholeSimulation() {
        List<EnergyWatchEvent> whole = new Simulator(REQUEST).events().toList();
        List<EnergyWatchEvent> parts = new java.util.ArrayList<>();
        new Simulator(REQUEST).forEach(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 12), parts::add);
        int firstPart = parts.size();
        new Simulator(REQUEST).forEach(LocalDate.of(2024, 4, 13), LocalDate.of(2024, 4, 30), parts::add);

        assertThat(firstPart).isGreaterThan(0).isLessThan(whole.size());
        assertThat(parts).isEqualTo(whole);
    }
}

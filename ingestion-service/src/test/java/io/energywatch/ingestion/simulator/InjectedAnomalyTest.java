package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.QualityFlag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class InjectedAnomalyTest {

    private static final Map<AnomalyType, Integer> COUNTS = Map.of(AnomalyType.SPIKE, 6, AnomalyType.DROP, 6,
            AnomalyType.STUCK_METER, 4, AnomalyType.LEVEL_SHIFT, 2, AnomalyType.GRADUAL_DRIFT, 2);
    private static final SimulationRequest CLEAN = SimulationRequest.of(13, LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 3, 31))
            .withRegions(List.of("11", "44", "76", "94"))
            .withAnomalies(AnomalySettings.none());
    private static final Simulator SIMULATOR = new Simulator(CLEAN.withAnomalies(AnomalySettings.counts(COUNTS)));
    private static final SimulatedEvents INJECTED = SimulatedEvents.of(SIMULATOR);
    private static final Map<String, ConsumptionMeasured> CLEAN_BY_ID = SimulatedEvents.of(new Simulator(CLEAN)).all()
            .stream().filter(ConsumptionMeasured.class::isInstance).map(ConsumptionMeasured.class::cast)
            .collect(Collectors.toMap(ConsumptionMeasured::eventId, Function.identity()));

    @Test
    void eachRequestedAnomalyIsLabelledOnceOnTheHalfHourlyAndOnceOnTheDailySeries() {
        for (String resolution : List.of("PT30M", "P1D")) {
            Map<AnomalyType, Long> perType = SIMULATOR.labels().stream()
                    .filter(l -> l.seriesId().endsWith(":" + resolution))
                    .collect(Collectors.groupingBy(InjectedAnomaly::type, Collectors.counting()));
            assertThat(perType).containsExactlyInAnyOrderEntriesOf(COUNTS.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().longValue())));
        }
    }

    @Test
    void exactlyTheRecordsInsideLabelWindowsAreFlagged() {
        List<ConsumptionMeasured> records = INJECTED.all().stream().filter(ConsumptionMeasured.class::isInstance)
                .map(ConsumptionMeasured.class::cast).toList();

        assertThat(records).allSatisfy(r -> assertThat(r.flags().contains(QualityFlag.INJECTED_ANOMALY))
                .as("%s at %s", r.seriesId(), r.intervalStart())
                .isEqualTo(SIMULATOR.labels().stream().anyMatch(l -> l.covers(r.seriesId(), r.intervalStart()))));
        assertThat(SIMULATOR.labels()).allSatisfy(label ->
                assertThat(records).anyMatch(r -> label.covers(r.seriesId(), r.intervalStart())));
    }

    @Test
    void everyValueThatDiffersFromTheCleanRunIsFlagged() {
        List<ConsumptionMeasured> changed = INJECTED.all().stream().filter(ConsumptionMeasured.class::isInstance)
                .map(ConsumptionMeasured.class::cast)
                .filter(r -> !r.value().equals(CLEAN_BY_ID.get(r.eventId()).value()))
                .toList();

        assertThat(changed).isNotEmpty()
                .allSatisfy(r -> assertThat(r.flags()).contains(QualityFlag.INJECTED_ANOMALY));
        assertThat(INJECTED.all()).hasSameSizeAs(SimulatedEvents.of(new Simulator(CLEAN)).all());
    }

    @Test
    void spikesAndDropsMoveEachHalfHourByAQuarterToThreeFifths() {
        for (InjectedAnomaly label : halfHourlyLabels(AnomalyType.SPIKE, AnomalyType.DROP)) {
            List<Double> deviations = recordsIn(label).stream().map(InjectedAnomalyTest::deviation).toList();
            assertThat(deviations).isNotEmpty().allSatisfy(d -> {
                assertThat(Math.abs(d)).isBetween(0.249, 0.601);
                assertThat(d).isCloseTo(label.magnitude(), within(1e-3));
            });
            assertThat(Math.signum(label.magnitude())).isEqualTo(label.type() == AnomalyType.SPIKE ? 1.0 : -1.0);
        }
    }

    @Test
    void aStuckMeterRepeatsOneValueForAtLeastSixHalfHours() {
        for (InjectedAnomaly label : halfHourlyLabels(AnomalyType.STUCK_METER)) {
            List<ConsumptionMeasured> records = recordsIn(label);
            assertThat(records).hasSizeGreaterThanOrEqualTo(6);
            assertThat(records).extracting(ConsumptionMeasured::value).containsOnly(records.getFirst().value());
            assertThat(records.getFirst().value()).isEqualTo(CLEAN_BY_ID.get(records.getFirst().eventId()).value());
        }
    }

    @Test
    void aLevelShiftHoldsOneRelativeStepForDays() {
        for (InjectedAnomaly label : halfHourlyLabels(AnomalyType.LEVEL_SHIFT)) {
            assertThat(Duration.between(label.start(), label.end())).isGreaterThanOrEqualTo(Duration.ofDays(2));
            assertThat(Math.abs(label.magnitude())).isBetween(0.10, 0.25);
            assertThat(recordsIn(label)).allSatisfy(r -> assertThat(deviation(r)).isCloseTo(label.magnitude(), within(1e-3)));
        }
    }

    @Test
    void aGradualDriftGrowsFromAlmostNothingToItsMagnitude() {
        for (InjectedAnomaly label : halfHourlyLabels(AnomalyType.GRADUAL_DRIFT)) {
            List<Double> deviations = recordsIn(label).stream().map(InjectedAnomalyTest::deviation).toList();
            assertThat(Duration.between(label.start(), label.end())).isGreaterThanOrEqualTo(Duration.ofDays(3));
            assertThat(Math.abs(deviations.getFirst())).isLessThan(Math.abs(label.magnitude()) / 20);
            assertThat(deviations.getLast()).isCloseTo(label.magnitude(), within(1e-3));
            int middle = deviations.size() / 2;
            assertThat(deviations.get(middle)).isCloseTo(label.magnitude() / 2, within(0.01));
        }
    }

    @Test
    void aDailyLabelGivesTheLargestDeviationOfTheDaysEnergy() {
        for (InjectedAnomaly label : SIMULATOR.labels().stream().filter(l -> l.seriesId().endsWith(":P1D")).toList()) {
            double largest = recordsIn(label).stream().mapToDouble(InjectedAnomalyTest::deviation)
                    .reduce(0, (a, b) -> Math.abs(b) > Math.abs(a) ? b : a);
            assertThat(largest).isCloseTo(label.magnitude(), within(1e-9));
        }
    }

    @Test
    void rateQuotasScaleWithRegionsAndDays() {
        Simulator simulator = new Simulator(CLEAN.withAnomalies(new AnomalySettings(Map.of(
                AnomalyType.SPIKE, new AnomalyQuota.Rate(1.0)))));

        // 4 regions over 91 days at one per region and 30 days.
        assertThat(simulator.labels()).filteredOn(l -> l.seriesId().endsWith(":PT30M")).hasSize(12);
    }

    @Test
    void theDefaultRatesFitInAYearOfAllThirteenRegions() {
        Simulator year = new Simulator(SimulationRequest.of(13, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31))
                .withResolutions(java.util.Set.of(SimulatedResolution.HALF_HOURLY)));

        // round(rate x 13 regions x 366 days / 30)
        assertThat(year.labels().stream().collect(Collectors.groupingBy(InjectedAnomaly::type, Collectors.counting())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(AnomalyType.SPIKE, 79L, AnomalyType.DROP, 79L,
                        AnomalyType.STUCK_METER, 40L, AnomalyType.LEVEL_SHIFT, 16L, AnomalyType.GRADUAL_DRIFT, 16L));
    }

    @Test
    void moreAnomaliesThanThePeriodCanHoldAreRefused() {
        SimulationRequest crowded = CLEAN.withRegions(List.of("94"))
                .withAnomalies(AnomalySettings.counts(Map.of(AnomalyType.LEVEL_SHIFT, 40)));

        assertThatIllegalArgumentException().isThrownBy(() -> new Simulator(crowded)).withMessageContaining("LEVEL_SHIFT");
    }

    @Test
    void peerDeviationsCannotBeInjectedIntoOneSeries() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                AnomalySettings.counts(Map.of(AnomalyType.PEER_DEVIATION, 1)));
    }

    private static List<InjectedAnomaly> halfHourlyLabels(AnomalyType... types) {
        List<AnomalyType> wanted = List.of(types);
        List<InjectedAnomaly> labels = SIMULATOR.labels().stream()
                .filter(l -> l.seriesId().endsWith(":PT30M") && wanted.contains(l.type())).toList();
        assertThat(labels).isNotEmpty();
        return labels;
    }

    private static List<ConsumptionMeasured> recordsIn(InjectedAnomaly label) {
        return INJECTED.all().stream().filter(ConsumptionMeasured.class::isInstance).map(ConsumptionMeasured.class::cast)
                .filter(r -> label.covers(r.seriesId(), r.intervalStart())).toList();
    }

    private static double deviation(ConsumptionMeasured record) {
        return record.value() / CLEAN_BY_ID.get(record.eventId()).value() - 1;
    }
}

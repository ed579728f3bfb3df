package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.WeatherObserved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A regime shift (a heat wave, then a lasting demand cut) changes temperatures and demand where it says and nothing
 * else, and leaves the injected anomalies' labels true: the same placements, each distorting the shifted clean values
 * by its labelled magnitude, and nothing unlabelled differing from the shifted clean run.
 */
class RegimeShiftTest {

    private static final RegimeShift SHIFT = new RegimeShift(LocalDate.of(2024, 3, 11), 7, 8.0, 10.0);
    private static final Map<AnomalyType, Integer> COUNTS = Map.of(AnomalyType.SPIKE, 6, AnomalyType.DROP, 6,
            AnomalyType.STUCK_METER, 4, AnomalyType.LEVEL_SHIFT, 2, AnomalyType.GRADUAL_DRIFT, 2);
    private static final SimulationRequest PLAIN = SimulationRequest.of(13, LocalDate.of(2024, 1, 1),
            LocalDate.of(2024, 3, 31)).withRegions(List.of("11", "76")).withAnomalies(AnomalySettings.none());

    @Test
    void theHeatWaveWarmsItsDaysOnlyAndTheDemandCutHoldsFromTheDayAfterToTheEnd() {
        var plain = SimulatedEvents.of(new Simulator(PLAIN));
        var shifted = SimulatedEvents.of(new Simulator(PLAIN.withRegimeShift(SHIFT)));

        Map<String, WeatherObserved> plainWeather = plain.weather().stream()
                .collect(Collectors.toMap(w -> w.regionCode() + w.date(), Function.identity()));
        for (WeatherObserved w : shifted.weather()) {
            boolean inWave = !w.date().isBefore(SHIFT.from()) && w.date().isBefore(SHIFT.demandCutFrom());
            // Published temperatures are rounded to 0.1 °C.
            assertThat(w.tempMeanC() - plainWeather.get(w.regionCode() + w.date()).tempMeanC())
                    .as("%s %s", w.regionCode(), w.date()).isCloseTo(inWave ? 8.0 : 0.0, within(0.11));
        }
        Map<String, ConsumptionMeasured> plainDaily = byId(plain.daily());
        for (ConsumptionMeasured day : shifted.daily()) {
            LocalDate date = SimulatedEvents.localDay(day);
            double ratio = day.value() / plainDaily.get(day.eventId()).value();
            if (date.isBefore(SHIFT.from())) {
                assertThat(ratio).isEqualTo(1.0);
            } else if (date.isAfter(SHIFT.demandCutFrom())) {
                // Past the wave and the day after it (whose demand still feels the wave through thermal inertia).
                assertThat(ratio).as("%s", date).isCloseTo(0.9, within(1e-3));
            } else {
                assertThat(ratio).as("%s: a warmer day needs less heating", date).isLessThan(1.0);
            }
        }
    }

    @Test
    void injectedAnomaliesKeepTheirPlacesAndDistortTheShiftedValuesByTheirLabelledMagnitude() {
        var plainSimulator = new Simulator(PLAIN.withAnomalies(AnomalySettings.counts(COUNTS)));
        var shiftedClean = new Simulator(PLAIN.withRegimeShift(SHIFT));
        var shiftedSimulator = new Simulator(PLAIN.withRegimeShift(SHIFT).withAnomalies(AnomalySettings.counts(COUNTS)));
        var clean = byId(SimulatedEvents.of(shiftedClean).halfHourly());
        var injected = SimulatedEvents.of(shiftedSimulator).halfHourly();

        assertThat(shiftedSimulator.labels()).extracting(InjectedAnomaly::seriesId, InjectedAnomaly::type,
                InjectedAnomaly::start, InjectedAnomaly::end).containsExactlyElementsOf(plainSimulator.labels().stream()
                .map(l -> tuple(l.seriesId(), l.type(), l.start(), l.end())).toList());
        assertThat(shiftedSimulator.labels()).anyMatch(l -> !l.start().isBefore(
                SHIFT.from().atStartOfDay(SimulatedEvents.PARIS).toInstant()));
        for (ConsumptionMeasured r : injected) {
            boolean labelled = shiftedSimulator.labels().stream().anyMatch(l -> l.covers(r.seriesId(), r.intervalStart()));
            assertThat(r.flags().contains(QualityFlag.INJECTED_ANOMALY)).isEqualTo(labelled);
            if (!labelled) {
                assertThat(r.value()).as("%s at %s", r.seriesId(), r.intervalStart())
                        .isEqualTo(clean.get(r.eventId()).value());
            }
        }
        for (InjectedAnomaly label : shiftedSimulator.labels()) {
            if (label.seriesId().endsWith(":PT30M") && (label.type() == AnomalyType.SPIKE
                    || label.type() == AnomalyType.DROP || label.type() == AnomalyType.LEVEL_SHIFT)) {
                injected.stream().filter(r -> label.covers(r.seriesId(), r.intervalStart())).forEach(r ->
                        assertThat(r.value() / clean.get(r.eventId()).value() - 1).isCloseTo(label.magnitude(),
                                within(1e-3)));
            }
        }
    }

    @Test
    void aShiftOutOfRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PLAIN.withRegimeShift(
                new RegimeShift(LocalDate.of(2024, 3, 1), 3, 8, 95))).withMessageContaining("demandCutPercent 95.0");
        assertThatIllegalArgumentException().isThrownBy(() -> PLAIN.withRegimeShift(
                new RegimeShift(LocalDate.of(2024, 3, 1), -1, 8, 5))).withMessageContaining("heatWaveDays -1");
    }

    private static Map<String, ConsumptionMeasured> byId(List<ConsumptionMeasured> records) {
        return records.stream().collect(Collectors.toMap(ConsumptionMeasured::eventId, Function.identity()));
    }
}

package io.energywatch.contracts;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConsumptionMeasuredTest {

    private static final Instant START = Instant.parse("2024-03-30T23:00:00Z");

    @Test
    void normalisesPowerAndEnergyOverTheRealIntervalLength() {
        // The local day of 31 March 2024 in Paris has 23 hours: 2,300 MWh over it is 100 MW on average.
        var daily = ConsumptionMeasured.of(SeriesId.parse("electricity:FR:odre:P1D"), null, START,
                START.plusSeconds(23 * 3600), 2_300.0, MeasurementUnit.MWH, QualityStatus.DEFINITIVE, List.of(),
                SampleEvents.LINEAGE);
        assertThat(daily.powerMw()).isEqualTo(100.0);
        assertThat(daily.energyMwh()).isEqualTo(2_300.0);

        var halfHour = ConsumptionMeasured.of(SeriesId.parse("electricity:FR:odre:PT30M"), null, START,
                START.plusSeconds(1800), 60_000.0, MeasurementUnit.MW, QualityStatus.REAL_TIME, List.of(),
                SampleEvents.LINEAGE);
        assertThat(halfHour.energyMwh()).isEqualTo(30_000.0);

        var meter = ConsumptionMeasured.of(SeriesId.parse("electricity:meter-uci-1:uci:PT1H"), null, START,
                START.plusSeconds(3600), 1.5, MeasurementUnit.KW, QualityStatus.UNKNOWN, List.of(),
                SampleEvents.LINEAGE);
        assertThat(meter.powerMw()).isEqualTo(0.0015);
        assertThat(meter.energyMwh()).isEqualTo(0.0015);
    }

    @Test
    void aMissingValueIsNullWithTheMissingFlagNeverZero() {
        var missing = ConsumptionMeasured.of(SeriesId.parse("gas:FR:odre:PT1H"), null, START, START.plusSeconds(3600),
                null, MeasurementUnit.MW, QualityStatus.DEFINITIVE, List.of(), SampleEvents.LINEAGE);
        assertThat(missing.value()).isNull();
        assertThat(missing.powerMw()).isNull();
        assertThat(missing.energyMwh()).isNull();
        assertThat(missing.flags()).containsExactly(QualityFlag.MISSING);
    }

    @Test
    void theSameFactAlwaysGetsTheSameEventId() {
        var a = SampleEvents.consumption();
        var b = SampleEvents.consumption();
        assertThat(a.eventId()).isEqualTo(b.eventId()).isEqualTo(ConsumptionMeasured.id(a.seriesId(), a.intervalStart()));
    }

    @Test
    void refusesAnEmptyInterval() {
        assertThatThrownBy(() -> ConsumptionMeasured.of(SeriesId.parse("gas:FR:odre:PT1H"), null, START, START, 1.0,
                MeasurementUnit.MW, QualityStatus.DEFINITIVE, List.of(), SampleEvents.LINEAGE))
                .hasMessageContaining("intervalEnd");
    }
}

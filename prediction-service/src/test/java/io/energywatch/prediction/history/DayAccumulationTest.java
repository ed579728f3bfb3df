package io.energywatch.prediction.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DayAccumulationTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Map<Long, DayAccumulation.Interval> hours(int count, double mwhEach) {
        var m = new HashMap<Long, DayAccumulation.Interval>();
        for (int i = 0; i < count; i++) {
            m.put(i * 3600L, new DayAccumulation.Interval(mwhEach, 3600));
        }
        return m;
    }

    @Test
    void aFullDayOfHoursSumsToTheDaysEnergy() {
        var day = new DayAccumulation(LocalDate.of(2024, 1, 10), hours(24, 100.0), 4.5, true, 12.0);

        var record = day.toRecord(PARIS);

        assertThat(record.energyMwh()).isEqualTo(2400.0);
        assertThat(record.tempMeanC()).isEqualTo(4.5);
        assertThat(record.strike()).isTrue();
        assertThat(record.strikerRatePercent()).isEqualTo(12.0);
    }

    @Test
    void aPartialDayHasAnUnknownEnergyNotALowOne() {
        var day = new DayAccumulation(LocalDate.of(2024, 1, 10), hours(23, 100.0), null, false, 0);

        var record = day.toRecord(PARIS);

        assertThat(record.hasEnergy()).isFalse();
        assertThat(record.hasTemperature()).isFalse();
    }

    @Test
    void theSpringForwardDayIsCompleteWithTwentyThreeHours() {
        var day = new DayAccumulation(LocalDate.of(2024, 3, 31), hours(23, 100.0), 10.0, false, 0);

        assertThat(day.toRecord(PARIS).energyMwh()).isEqualTo(2300.0);
    }

    @Test
    void aMissingIntervalLeavesTheDayIncomplete() {
        var intervals = hours(24, 100.0);
        intervals.put(5 * 3600L, new DayAccumulation.Interval(null, 3600));

        var record = new DayAccumulation(LocalDate.of(2024, 1, 10), intervals, 4.5, false, 0).toRecord(PARIS);

        assertThat(record.hasEnergy()).isFalse();
    }

    @Test
    void theDailySeriesOfASubDailySeriesKeepsItsIdWithP1D() {
        assertThat(DailySeriesIds.daily("electricity:FR:odre:PT30M")).isEqualTo("electricity:FR:odre:P1D");
        assertThat(DailySeriesIds.daily("gas:53:grtgaz:P1D")).isEqualTo("gas:53:grtgaz:P1D");
    }
}

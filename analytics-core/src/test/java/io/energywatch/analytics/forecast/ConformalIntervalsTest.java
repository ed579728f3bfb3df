package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConformalIntervalsTest {

    @Test
    void halfWidthsAreTheFiniteSampleRanksOfTheAbsoluteResiduals() {
        // |residuals| 1..10: the 80% rank is ⌈11·0.8⌉ = 9, the 95% rank ⌈11·0.95⌉ = 11 > 10, so the largest.
        var intervals = ConformalIntervals.fromResiduals(new double[] {-1, 2, -3, 4, -5, 6, -7, 8, -9, 10});

        assertThat(intervals.residuals()).isEqualTo(10);
        assertThat(intervals.halfWidth80()).isEqualTo(9.0);
        assertThat(intervals.halfWidth95()).isEqualTo(10.0);
        assertThat(intervals.lower80(100)).isEqualTo(91.0);
        assertThat(intervals.upper95(100)).isEqualTo(110.0);
    }

    @Test
    void unknownResidualsAreIgnored() {
        var intervals = ConformalIntervals.fromResiduals(new double[] {Double.NaN, 4, -4, 4});

        assertThat(intervals.residuals()).isEqualTo(3);
        assertThat(intervals.halfWidth80()).isEqualTo(4.0);
    }
}

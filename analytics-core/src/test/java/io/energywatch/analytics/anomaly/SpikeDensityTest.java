package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpikeDensityTest {

    @Test
    void aBurstBeyondTheRecordCountScoresByHowFarItBeatsTheRecord() {
        var density = new SpikeDensity(new DetectorConfig.Density(10, 4.0));
        // Four windows of history with two large residuals each window: the record is 2.
        for (int i = 0; i < 40; i++) {
            assertThat(density.next(i % 5 == 0 ? 5 : 1)).isZero();
        }
        assertThat(density.next(5)).isZero(); // row 40: back-to-back with row 35's, still 2 in the window
        assertThat(density.next(4)).isEqualTo(1.0); // 3 in the window against a record of 2
        assertThat(density.next(1)).isZero(); // not itself an exceedance
        assertThat(density.next(6)).isEqualTo(4 / 4.0); // 4 against the new record of 3
    }

    @Test
    void nothingIsJudgedBeforeTheRecordHadFourWindowsToForm() {
        var density = new SpikeDensity(new DetectorConfig.Density(10, 4.0));
        for (int i = 0; i < 5; i++) {
            assertThat(density.next(9)).isZero();
        }
    }
}

package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LevelCusumTest {

    private final DetectorConfig.Cusum config = new DetectorConfig.Cusum(1.0, 15.0, 40.0, 3.0);

    @Test
    void oneSpikeAddsOnlyItsClippedSizeAndDrainsAway() {
        var cusum = new LevelCusum(config);
        assertThat(cusum.next(50)).isEqualTo(2.0); // clipped to 3, minus the slack
        assertThat(cusum.next(0)).isEqualTo(1.0);
        assertThat(cusum.next(0)).isZero();
    }

    @Test
    void aPersistentShiftAccumulatesWithItsSignUpToTwiceTheAlarm() {
        var cusum = new LevelCusum(config);
        double last = 0;
        for (int i = 0; i < 10; i++) {
            last = cusum.next(-2.5);
        }
        assertThat(last).isEqualTo(-15.0);
        for (int i = 0; i < 100; i++) {
            last = cusum.next(-3);
        }
        assertThat(last).isEqualTo(-80.0);
    }
}

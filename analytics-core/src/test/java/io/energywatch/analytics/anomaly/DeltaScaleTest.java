package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DeltaScaleTest {

    @Test
    void aJumpIsMeasuredInRobustDeviationsOfRecentChangesOnceEightAreKnown() {
        var deltas = new DeltaScale(64);
        deltas.learn(Double.NaN);
        for (int i = 0; i < 7; i++) {
            deltas.learn(i % 2 == 0 ? 2 : -2);
        }
        assertThat(deltas.z(50, 0.1)).isNaN();
        deltas.learn(2);
        assertThat(deltas.z(Double.NaN, 0.1)).isNaN();
        assertThat(deltas.z(-29.652, 0.1)).isCloseTo(-10, within(1e-9)); // 1.4826 × median |change| of 2
        assertThat(deltas.z(50, 100)).isEqualTo(0.5); // the floor bounds the scale from below
    }
}

package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TailWideningTest {

    private static DetectorConfig.Scales scales(int tailWindow) {
        return new DetectorConfig.Scales(96, 1024, 0.005, tailWindow, 0.995);
    }

    @Test
    void heavierThanGaussianTailsWidenTheScaleByTheirQuantileRatio() {
        var tails = new TailWidening(scales(100));
        for (int i = 0; i < 31; i++) {
            tails.learn(i % 10 == 0 ? 28.0703 : 0.5);
        }
        assertThat(tails.widen(2)).isEqualTo(2.0); // fewer than 32 residuals
        tails.learn(28.0703);
        assertThat(tails.widen(2)).isCloseTo(20, within(1e-3)); // 0.995 quantile 28.07 against a Gaussian 2.807
    }

    @Test
    void gaussianTailsAndTheSwitchedOffWideningLeaveTheScale() {
        var gaussian = new TailWidening(scales(100));
        var off = new TailWidening(scales(0));
        for (int i = 0; i < 100; i++) {
            gaussian.learn(i % 50 == 0 ? 2.5 : 0.7);
            off.learn(100);
        }
        assertThat(gaussian.widen(3)).isEqualTo(3.0);
        assertThat(off.widen(3)).isEqualTo(3.0);
    }

    @Test
    void theGaussianQuantileOfTheAbsoluteValueIsTheTwoSidedOne() {
        assertThat(TailWidening.gaussianAbsQuantile(0.95)).isCloseTo(1.95996, within(1e-4));
        assertThat(TailWidening.gaussianAbsQuantile(0.995)).isCloseTo(2.80703, within(1e-4));
    }
}

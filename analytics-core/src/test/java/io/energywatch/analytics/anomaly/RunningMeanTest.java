package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RunningMeanTest {

    @Test
    void theMeanIsOverTheLastValuesOnly() {
        var mean = new RunningMean(3);
        assertThat(mean.mean()).isNaN();
        mean.add(1);
        mean.add(2);
        assertThat(mean.mean()).isEqualTo(1.5);
        mean.add(3);
        mean.add(10);
        assertThat(mean.size()).isEqualTo(3);
        assertThat(mean.mean()).isEqualTo(5.0);
    }

    @Test
    void theRunningSumStaysExactOverManyLaps() {
        var mean = new RunningMean(7);
        for (int i = 0; i < 100_000; i++) {
            mean.add(1e6 + (i % 13) * 0.1);
        }
        double exact = 0;
        for (int i = 100_000 - 7; i < 100_000; i++) {
            exact += 1e6 + (i % 13) * 0.1;
        }
        assertThat(mean.mean()).isCloseTo(exact / 7, within(1e-6));
        assertThatThrownBy(() -> new RunningMean(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

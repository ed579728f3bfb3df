package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RollingLevelTest {

    @Test
    void theMedianIsAnExpectationOnceEightValuesOrTheWholeWindowAreKnown() {
        var level = new RollingLevel(96, 1);
        for (int i = 0; i < 7; i++) {
            level.learn(10 + i);
        }
        assertThat(level.ready()).isFalse();
        assertThat(level.median()).isEqualTo(13.0);
        level.learn(100);
        assertThat(level.ready()).isTrue();
        assertThat(level.median()).isEqualTo(13.5);

        var small = new RollingLevel(3, 1);
        small.learn(1);
        small.learn(2);
        small.learn(3);
        assertThat(small.ready()).isTrue();
    }

    @Test
    void theOutOfSampleErrorIsTheMeanOfTheErrorsLearned() {
        var level = new RollingLevel(10, 4);
        assertThat(level.errorCount()).isZero();
        for (double e : new double[] {1, 2, 3, 4, 5}) {
            level.learnError(e);
        }
        assertThat(level.errorCount()).isEqualTo(4);
        assertThat(level.meanError()).isEqualTo(3.5);
    }
}

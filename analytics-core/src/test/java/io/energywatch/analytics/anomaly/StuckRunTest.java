package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StuckRunTest {

    /** Feeds {@code values}, returning the run length at the last one. */
    private static int feed(StuckRun stuck, double... values) {
        double previous = Double.NaN;
        int run = 0;
        for (int i = 0; i < values.length; i++) {
            run = stuck.runAt(values[i], previous);
            stuck.learn(run, i);
            previous = values[i];
        }
        return run;
    }

    @Test
    void runsOfIdenticalValuesAreCountedFromTheirStart() {
        var stuck = new StuckRun(new DetectorConfig.Stuck(6, 4.0, 0, true));
        assertThat(feed(stuck, 1, 2, 2, 2)).isEqualTo(3);
        assertThat(stuck.runStart()).isEqualTo(1);
        assertThat(stuck.runAt(2, 2)).isEqualTo(4);
        assertThat(stuck.runAt(3, 2)).isEqualTo(1);
        assertThat(stuck.runAt(2, Double.NaN)).isEqualTo(1);
    }

    @Test
    void aRunIsStuckAboveTheBarOfMinimumRunAndFactorTimesTheLongestEarlierRun() {
        var stuck = new StuckRun(new DetectorConfig.Stuck(6, 4.0, 0, true));
        // Earlier runs of at most 2, then a run starting at row 8.
        feed(stuck, 1, 1, 2, 3, 3, 4, 5, 6, 7);
        assertThat(stuck.component(7, 5)).isZero();       // bar: max(6, 4 × 2) = 8
        assertThat(stuck.component(8, 5)).isEqualTo(5.0);
        assertThat(stuck.component(16, 5)).isEqualTo(10.0);
    }

    @Test
    void aRunThatBeganBeforeThereWasHistoryIsNotJudged() {
        var stuck = new StuckRun(new DetectorConfig.Stuck(6, 4.0, 0, true));
        feed(stuck, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5);
        assertThat(stuck.component(10, 5)).isZero();
    }

    @Test
    void theFirstStuckRunsDoNotRaiseTheBarWhenUnlearned() {
        double[] series = new double[40];
        for (int i = 0; i < series.length; i++) {
            series[i] = i >= 10 && i < 20 ? 0 : i; // a 10-row stuck run among distinct values
        }
        var learning = new StuckRun(new DetectorConfig.Stuck(6, 4.0, 0, true));
        var unlearned = new StuckRun(new DetectorConfig.Stuck(6, 4.0, 1, true));
        feed(learning, series);
        feed(unlearned, series);
        assertThat(learning.component(6, 5)).isZero();     // bar: max(6, 4 × 10) = 40
        assertThat(unlearned.component(6, 5)).isEqualTo(5.0); // bar: max(6, 4 × 1) = 6
    }
}

package io.energywatch.analytics.ensemble;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CAD OSE on small hand-made series: a repeating ramp over the eight levels of three bits, and seeded noise. */
class ContextAnomalyDetectorTest {

    private static ContextAnomalyDetector detector(int restRows, int maxContexts) {
        return new ContextAnomalyDetector(new ContextEnsembleConfig.Context(3, 7, 15, 0.75, restRows, maxContexts));
    }

    /** 0, 1, ..., 7, 0, 1, ... with row {@code breakAt} (a 0 in the ramp) replaced by 3. */
    private static double[] ramp(int rows, int breakAt) {
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = i == breakAt ? 3 : i % 8;
        }
        return values;
    }

    private static double[] scores(ContextAnomalyDetector d, double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = d.scoreAndLearn(values[i]);
        }
        return out;
    }

    @Test
    void aLearnedPatternScoresZeroAndItsBreakScoresAboveTheRestThreshold() {
        double[] s = scores(detector(0, 200_000), ramp(260, 200));
        for (int i = 100; i < 200; i++) {
            assertThat(s[i]).as("row %d of the learned ramp", i).isZero();
        }
        assertThat(s[200]).as("the 3 where a 0 was due").isGreaterThanOrEqualTo(0.75);
        assertThat(s[201]).as("the row after: its context is new too").isPositive();
    }

    @Test
    void afterAHighScoreTheDetectorRestsForRestRows() {
        double[] s = scores(detector(20, 200_000), ramp(260, 200));
        assertThat(s[200]).isGreaterThanOrEqualTo(0.75);
        for (int i = 201; i <= 220; i++) {
            assertThat(s[i]).as("row %d, inside the rest period", i).isZero();
        }
        // The first rows of a series are a rest period as well (the original starts its history with a 1).
        for (int i = 0; i < 20; i++) {
            assertThat(s[i]).as("row %d", i).isZero();
        }
    }

    @Test
    void theSameSeriesGivesTheSameScores() {
        var noise = new SplittableRandom(11);
        double[] values = new double[1500];
        for (int i = 0; i < values.length; i++) {
            values[i] = 50 + 10 * Math.sin(2 * Math.PI * i / 48) + 3 * noise.nextGaussian();
        }
        ContextAnomalyDetector first = detector(30, 200_000);
        ContextAnomalyDetector second = detector(30, 200_000);
        assertThat(scores(first, values)).containsExactly(scores(second, values));
        assertThat(first.contexts()).isEqualTo(second.contexts()).isGreaterThan(8);
        double[] s = scores(detector(30, 200_000), values);
        assertThat(Arrays.stream(s).allMatch(v -> v >= 0 && v <= 1)).as("every score within 0..1").isTrue();
        assertThat(Arrays.stream(s).filter(v -> v > 0).count()).as("rows scored above 0").isPositive();
    }

    @Test
    void valuesAreQuantisedOverTheRangeSeenSoFar() {
        ContextAnomalyDetector d = detector(0, 200_000);
        assertThat(d.level(5)).as("a flat series so far").isZero();
        assertThat(d.level(12)).as("a new maximum").isEqualTo(7);
        assertThat(d.level(5)).as("the minimum").isZero();
        assertThat(d.level(8.5)).as("half way: (8.5 - 5) / (7 / 7)").isEqualTo(3);
        assertThat(d.level(-2)).as("a new minimum").isZero();
        assertThat(d.level(5)).as("(5 + 2) / (14 / 7)").isEqualTo(3);
    }

    @Test
    void aKnownRangeIsUsedFromTheFirstRowAndValuesOutsideItTakeTheNearestLevel() {
        var settings = new ContextEnsembleConfig.Context(3, 7, 15, 0.75, 0, 200_000);
        ContextAnomalyDetector d = ContextAnomalyDetector.overRange(settings, 0, 70);
        assertThat(d.level(35)).as("35 / (70 / 7), not the top level of a range seen so far").isEqualTo(3);
        assertThat(d.level(70)).as("the maximum").isEqualTo(7);
        assertThat(d.level(0)).as("the minimum").isZero();
        assertThat(d.level(-5)).as("below the range").isZero();
        assertThat(d.level(99)).as("above the range").isEqualTo(7);
        assertThat(d.level(35)).as("the range does not move").isEqualTo(3);
        assertThat(ContextAnomalyDetector.overRange(settings, 4, 4).level(4)).as("a flat range").isZero();
        assertThatThrownBy(() -> ContextAnomalyDetector.overRange(settings, 2, 1))
                .hasMessageContaining("range [2.0, 1.0]");
    }

    @Test
    void nabsRestPeriodIsAFifthOfItsProbationaryPeriod() {
        assertThat(ContextEnsembleConfig.Context.nabRestRows(168)).as("floor(25.2) / 5").isEqualTo(5);
        assertThat(ContextEnsembleConfig.Context.nabRestRows(1127)).as("169 / 5").isEqualTo(33);
        assertThat(ContextEnsembleConfig.Context.nabRestRows(22_695)).as("capped at 750 / 5").isEqualTo(150);
    }

    @Test
    void theMemoryStopsGrowingAtMaxContexts() {
        var noise = new SplittableRandom(3);
        ContextAnomalyDetector d = detector(0, 40);
        for (int i = 0; i < 2000; i++) {
            assertThat(d.scoreAndLearn(noise.nextDouble())).isBetween(0.0, 1.0);
        }
        assertThat(d.contexts()).isEqualTo(40);
    }

    @Test
    void settingsAreValidatedNamingTheSetting() {
        assertThatThrownBy(() -> new ContextEnsembleConfig.Context(0, 7, 15, 0.75, 150, 1000))
                .hasMessageContaining("valueBits 0");
        assertThatThrownBy(() -> new ContextEnsembleConfig.Context(3, 7, 15, 1.5, 150, 1000))
                .hasMessageContaining("restThreshold 1.5");
        assertThatThrownBy(() -> new ContextEnsembleConfig.Context(3, 7, 15, 0.75, -1, 1000))
                .hasMessageContaining("restRows -1");
        assertThatThrownBy(() -> detector(0, 100).scoreAndLearn(Double.NaN)).hasMessageContaining("NaN");
    }
}

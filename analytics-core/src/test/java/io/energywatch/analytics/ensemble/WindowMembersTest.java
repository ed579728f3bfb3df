package io.energywatch.analytics.ensemble;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The forest and entropy members on a noisy sine with one injected spike and, later, a stuck run. */
class WindowMembersTest {

    private static double value(int i, SplittableRandom noise) {
        return 100 + 10 * Math.sin(2 * Math.PI * i / 48) + noise.nextGaussian();
    }

    @Test
    void theShingleForestIsolatesASpikeAmongOrdinaryShapes() {
        var forest = new ShingleForest(4, 256, 64, 50, 128, 3L);
        var noise = new SplittableRandom(1);
        double ordinaryMax = 0;
        for (int i = 0; i < 1000; i++) {
            double s = forest.scoreAndLearn(value(i, noise));
            if (i < 128 + 3) {
                continue;
            }
            assertThat(s).isBetween(0.0, 1.0);
            ordinaryMax = Math.max(ordinaryMax, s);
        }
        double spike = forest.scoreAndLearn(160);
        assertThat(spike).isGreaterThan(ordinaryMax);
    }

    @Test
    void theForestScoresNothingBeforeItHasFittedAndTheSameSeedGivesTheSameScores() {
        var a = new ShingleForest(4, 256, 64, 20, 64, 9L);
        var b = new ShingleForest(4, 256, 64, 20, 64, 9L);
        var noise = new SplittableRandom(2);
        for (int i = 0; i < 400; i++) {
            double v = value(i, noise);
            double sa = a.scoreAndLearn(v);
            double sb = b.scoreAndLearn(v);
            if (i < 64 + 3) {
                assertThat(sa).isNaN();
            }
            assertThat(Double.compare(sa, sb)).isZero();
        }
    }

    @Test
    void averagePathLengthFollowsTheIsolationForestPaper() {
        assertThat(ShingleForest.averagePathLength(1)).isZero();
        assertThat(ShingleForest.averagePathLength(2)).isEqualTo(1.0);
        // c(256) = 2 H(255) − 2 · 255/256 with H(i) ≈ ln i + γ.
        assertThat(ShingleForest.averagePathLength(256)).isCloseTo(10.2448, within(1e-3));
    }

    @Test
    void theRelativeEntropyRisesWhenTheRecentValuesLeaveTheReferenceRange() {
        var entropy = new WindowEntropy(8, 256, 8, 16);
        var noise = new SplittableRandom(3);
        double ordinaryMax = 0;
        int i = 0;
        for (; i < 1200; i++) {
            double s = entropy.scoreAndLearn(value(i, noise));
            if (i < 263) {
                assertThat(s).isNaN();
                continue;
            }
            ordinaryMax = Math.max(ordinaryMax, s);
        }
        double stuck = 0;
        for (int k = 0; k < 8; k++, i++) {
            stuck = entropy.scoreAndLearn(160);
        }
        // Eight rows above the reference's range: all the recent mass in one bin the reference barely has.
        assertThat(stuck).isGreaterThan(2 * ordinaryMax);
    }
}

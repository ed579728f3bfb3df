package io.energywatch.analytics.nab;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Hand-computed cases. A 100-row series with one window on rows 50..59 (width 10); the probationary period is
 * min(floor(0.15 × 100), 750) = 15 rows. The null detector misses the window: −fnWeight. Perfect: +tpWeight.
 */
class NabScorerTest {

    private static final double MAX_TP = 2 / (1 + Math.exp(-5)) - 1; // scaledSigmoid(−1) = 0.98661…

    private final NabScorer scorer = new NabScorer();

    @Test
    void theScaledSigmoidIsOneAtTheWindowStartZeroAtItsEndAndMinusOneFarAfter() {
        assertThat(NabScorer.scaledSigmoid(-1)).isCloseTo(MAX_TP, within(1e-15));
        assertThat(NabScorer.scaledSigmoid(0)).isCloseTo(0, within(1e-15));
        assertThat(NabScorer.scaledSigmoid(3.5)).isEqualTo(-1);
    }

    @Test
    void aDetectionAtTheWindowStartIsAPerfectScore() {
        var result = scorer.score(List.of(scores(series(100, 50, 59), 50)), NabCostProfile.STANDARD);
        assertThat(result.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(result.nullRaw()).isEqualTo(-1.0);
        assertThat(result.normalized()).isCloseTo(100.0, within(1e-9));
        assertThat(result.threshold()).isEqualTo(1.0);
    }

    @Test
    void aDetectionHalfwayThroughTheWindowEarnsTheSigmoidOfItsPosition() {
        // position −(59 − 55 + 1)/10 = −0.5 → (2/(1+e^−2.5) − 1)/MAX_TP = 0.8597926; normalised 100 × 1.8597926/2
        var result = scorer.score(List.of(scores(series(100, 50, 59), 55)), NabCostProfile.STANDARD);
        assertThat(result.raw()).isCloseTo(0.8597925669, within(1e-9));
        assertThat(result.normalized()).isCloseTo(92.98962834, within(1e-7));
    }

    @Test
    void onlyTheEarliestDetectionInAWindowCounts() {
        var result = scorer.score(List.of(scores(series(100, 50, 59), 50, 52, 57)), NabCostProfile.STANDARD);
        assertThat(result.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(result.truePositives()).isEqualTo(1);
    }

    @Test
    void aFalsePositiveBeforeAnyWindowCostsTheFullFalsePositiveWeightOfEachProfile() {
        var corpus = List.of(scores(series(100, 50, 59), 20, 50));
        // standard: 1 − 0.11 = 0.89 → 100 × 1.89/2 = 94.5; low FP: 1 − 0.22 → 89.0; low FN: null −2 → 100 × 2.89/3
        assertThat(scorer.score(corpus, NabCostProfile.STANDARD).normalized()).isCloseTo(94.5, within(1e-9));
        assertThat(scorer.score(corpus, NabCostProfile.REWARD_LOW_FP_RATE).normalized()).isCloseTo(89.0,
                within(1e-9));
        assertThat(scorer.score(corpus, NabCostProfile.REWARD_LOW_FN_RATE).normalized()).isCloseTo(96.3333333333,
                within(1e-9));
    }

    @Test
    void aFalsePositiveJustAfterAWindowCostsLess() {
        // row 64: |59 − 64|/(10 − 1) = 0.5556 → (2/(1+e^2.7778) − 1) × 0.11 = −0.0971219; normalised 95.1439059
        var result = scorer.score(List.of(scores(series(100, 50, 59), 50, 64)), NabCostProfile.STANDARD);
        assertThat(result.raw()).isCloseTo(1 - 0.0971218814, within(1e-9));
        assertThat(result.normalized()).isCloseTo(95.14390593, within(1e-7));
    }

    @Test
    void detectionsInTheProbationaryPeriodAreNotScored() {
        var result = scorer.score(List.of(scores(series(100, 50, 59), 10, 50)), NabCostProfile.STANDARD);
        assertThat(result.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(result.falsePositives()).isZero();
    }

    @Test
    void oneThresholdIsChosenForTheWholeCorpus() {
        // File a: its window start scores 0.9. File b, without windows, scores 0.8 once. At 0.9 the corpus earns 1;
        // lowering to 0.8 adds b's false positive (−0.11), so the optimiser keeps 0.9.
        NabSeries a = series(100, 50, 59);
        NabSeries b = new NabSeries("b", timestamps(100), new double[100], List.of());
        double[] sa = new double[100];
        sa[50] = 0.9;
        double[] sb = new double[100];
        sb[70] = 0.8;
        var result = scorer.score(List.of(new NabScorer.SeriesScores(a, sa), new NabScorer.SeriesScores(b, sb)),
                NabCostProfile.STANDARD);
        assertThat(result.threshold()).isEqualTo(0.9);
        assertThat(result.raw()).isCloseTo(1.0, within(1e-12));
        assertThat(scorer.scoreAt(List.of(new NabScorer.SeriesScores(a, sa), new NabScorer.SeriesScores(b, sb)),
                NabCostProfile.STANDARD, 0.8).raw()).isCloseTo(0.89, within(1e-12));
    }

    @Test
    void theProbationaryPeriodIsCappedAtFifteenPercentOfFiveThousandRows() {
        assertThat(scorer.probationaryLength(100)).isEqualTo(15);
        assertThat(scorer.probationaryLength(15_902)).isEqualTo(750);
    }

    private static NabSeries series(int rows, int first, int last) {
        return new NabSeries("a", timestamps(rows), new double[rows], List.of(new NabWindow(first, last)));
    }

    private static List<LocalDateTime> timestamps(int rows) {
        var timestamps = new ArrayList<LocalDateTime>();
        for (int i = 0; i < rows; i++) {
            timestamps.add(LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(5L * i));
        }
        return timestamps;
    }

    private static NabScorer.SeriesScores scores(NabSeries series, int... detections) {
        double[] s = new double[series.rows()];
        for (int d : detections) {
            s[d] = 1.0;
        }
        return new NabScorer.SeriesScores(series, s);
    }
}

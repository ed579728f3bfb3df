package io.energywatch.analytics.evaluation;

import io.energywatch.analytics.nab.NabCostProfile;
import io.energywatch.analytics.nab.NabScorer;
import io.energywatch.analytics.nab.NabSeries;
import io.energywatch.analytics.nab.NabWindow;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The protocol's fast checks: folds, and that nothing of the held-out category reaches the choice of a setting or of
 * the threshold. Hand-made 100-row series with one window on rows 50..59 (probation 15 rows).
 */
class LeaveOneCategoryOutTest {

    private final LeaveOneCategoryOut protocol = new LeaveOneCategoryOut(new NabScorer());

    @Test
    void eachCategoryIsHeldOutOnceAndNeverTrainedOnInItsOwnFold() {
        List<NabSeries> corpus = List.of(series("a/1.csv"), series("b/1.csv"), series("a/2.csv"),
                series("c/1.csv"), series("b/2.csv"));

        List<LeaveOneCategoryOut.Fold> folds = LeaveOneCategoryOut.folds(corpus);

        assertThat(folds).extracting(LeaveOneCategoryOut.Fold::heldOut).containsExactly("a", "b", "c");
        for (LeaveOneCategoryOut.Fold fold : folds) {
            assertThat(fold.test()).allMatch(s -> LeaveOneCategoryOut.categoryOf(s).equals(fold.heldOut()));
            assertThat(fold.training()).noneMatch(s -> LeaveOneCategoryOut.categoryOf(s).equals(fold.heldOut()));
            assertThat(fold.training().size() + fold.test().size()).isEqualTo(corpus.size());
        }
        assertThat(folds.stream().flatMap(f -> f.test().stream()).map(NabSeries::name))
                .containsExactlyInAnyOrder("a/1.csv", "a/2.csv", "b/1.csv", "b/2.csv", "c/1.csv");
    }

    @Test
    void aSeriesOutsideACategoryFolderOrASingleCategoryIsRefused() {
        assertThatThrownBy(() -> LeaveOneCategoryOut.folds(List.of(series("loose.csv"))))
                .hasMessageContaining("loose.csv is not under a category folder");
        assertThatThrownBy(() -> LeaveOneCategoryOut.folds(List.of(series("a/1.csv"), series("a/2.csv"))))
                .hasMessageContaining("at least two categories");
    }

    @Test
    void theHeldOutCategoryNeverDecidesTheSettingItIsScoredWith() {
        // "steady" finds every window at its start in a and b, and misses c's; "lucky" is perfect only on c.
        List<NabSeries> corpus = List.of(series("a/1.csv"), series("b/1.csv"), series("c/1.csv"));
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        scores.put("steady", Map.of("a/1.csv", detectAt(50), "b/1.csv", detectAt(50), "c/1.csv", detectAt()));
        scores.put("lucky", Map.of("a/1.csv", detectAt(), "b/1.csv", detectAt(), "c/1.csv", detectAt(50)));

        var report = protocol.evaluate(corpus, scores, NabCostProfile.STANDARD);

        var heldOutC = report.folds().get(2);
        assertThat(heldOutC.fold().heldOut()).isEqualTo("c");
        assertThat(heldOutC.chosen()).isEqualTo("steady");
        assertThat(heldOutC.heldOut().truePositives()).isZero();
        assertThat(heldOutC.heldOut().raw()).isEqualTo(-1.0);
        // Folds a and b train on c and one good category: each candidate is perfect on one and misses the other,
        // so the tie goes to the first of the grid; a and b are then found (+1 each), c is missed (−1), against a
        // null detector of −3 and a perfect one of +3.
        assertThat(report.folds().get(0).chosen()).isEqualTo("steady");
        assertThat(report.heldOutScore()).isCloseTo(100 * (1 - (-3.0)) / (3 - (-3.0)), within(1e-9));
    }

    @Test
    void theThresholdIsSweptOnTheTrainingCategoriesOnly() {
        // On a and b the window rows score 0.9 and a false positive before them 0.6, so training picks 0.9; in c the
        // window scores only 0.7: at the training threshold it is missed, though 0.7 would have found it.
        List<NabSeries> corpus = List.of(series("a/1.csv"), series("b/1.csv"), series("c/1.csv"));
        Map<String, Map<String, double[]>> scores = falsePositiveBeforeEachWindow();

        var report = protocol.evaluate(corpus, scores, NabCostProfile.STANDARD);

        var heldOutC = report.folds().get(2);
        assertThat(heldOutC.threshold()).isEqualTo(0.9);
        assertThat(heldOutC.heldOut().falseNegatives()).isEqualTo(1);
        // In-sample, the sweep over the whole corpus finds all three windows at 0.7 (the 0.6 rows stay below it).
        assertThat(report.inSample().truePositives()).isEqualTo(3);
        assertThat(report.inSample().threshold()).isEqualTo(0.7);
    }

    @Test
    void aFreshCategoryIsScoredWithTheChoiceMadeOnEveryTrainingCategory() {
        // "steady" finds a's and b's windows at 0.9 above a 0.6 false positive; "lucky" is perfect only on the fresh
        // category f. The choice (steady) and the threshold (0.9) come from a and b; f's window at 0.7 is missed.
        List<NabSeries> training = List.of(series("a/1.csv"), series("b/1.csv"));
        List<NabSeries> fresh = List.of(series("f/1.csv"), series("f/2.csv"));
        Map<String, Map<String, double[]>> scores = new LinkedHashMap<>();
        scores.put("steady", Map.of("a/1.csv", scored(Map.of(30, 0.6, 50, 0.9)),
                "b/1.csv", scored(Map.of(30, 0.6, 50, 0.9)), "f/1.csv", scored(Map.of(50, 0.7)),
                "f/2.csv", scored(Map.of(50, 0.95))));
        scores.put("lucky", Map.of("a/1.csv", detectAt(), "b/1.csv", detectAt(), "f/1.csv", detectAt(50),
                "f/2.csv", detectAt(50)));

        var result = protocol.scoreFresh(training, fresh, scores, NabCostProfile.STANDARD);

        assertThat(result.fold().heldOut()).isEqualTo("f");
        assertThat(result.chosen()).isEqualTo("steady");
        assertThat(result.threshold()).isEqualTo(0.9);
        assertThat(result.heldOut().truePositives()).isEqualTo(1);
        assertThat(result.heldOut().falseNegatives()).isEqualTo(1);
        assertThatThrownBy(() -> protocol.scoreFresh(training, List.of(series("b/2.csv")), scores,
                NabCostProfile.STANDARD)).hasMessageContaining("category b is in the training corpus");
    }

    @Test
    void aFixedThresholdIsNeverSweptInAFoldOrInSample() {
        // The same scores as above: swept, training picks 0.9 and misses c's 0.7 window. Fixed at 0.5, the 0.6 false
        // positives of a and b count and c's window is found; in-sample is scored at 0.5 too, not at the best 0.7.
        List<NabSeries> corpus = List.of(series("a/1.csv"), series("b/1.csv"), series("c/1.csv"));
        Map<String, Map<String, double[]>> scores = falsePositiveBeforeEachWindow();
        var fixed = new LeaveOneCategoryOut(new NabScorer(), LeaveOneCategoryOut.ThresholdRule.fixedAt(0.5));

        var report = fixed.evaluate(corpus, scores, NabCostProfile.STANDARD);

        assertThat(report.folds()).allSatisfy(f -> assertThat(f.threshold()).isEqualTo(0.5));
        assertThat(report.folds().get(2).heldOut().truePositives()).isEqualTo(1);
        assertThat(report.inSample().threshold()).isEqualTo(0.5);
        assertThat(report.inSample().truePositives()).isEqualTo(3);
        assertThat(report.inSample().falsePositives()).isEqualTo(2);
        assertThatThrownBy(() -> LeaveOneCategoryOut.ThresholdRule.fixedAt(0))
                .hasMessageContaining("within (0, 1]");
    }

    @Test
    void everyCandidateRunsOnceOnEverySeries() {
        List<NabSeries> corpus = List.of(series("a/1.csv"), series("b/1.csv"), series("c/1.csv"));
        List<String> calls = new ArrayList<>();
        var grid = List.of(new LeaveOneCategoryOut.Candidate("x", s -> {
            calls.add(s.name());
            return detectAt(50);
        }));

        var reports = protocol.evaluate(corpus, grid, List.of(NabCostProfile.STANDARD,
                NabCostProfile.REWARD_LOW_FN_RATE));

        assertThat(calls).containsExactly("a/1.csv", "b/1.csv", "c/1.csv");
        assertThat(reports).hasSize(2).allSatisfy(r -> assertThat(r.heldOutScore()).isCloseTo(100, within(1e-9)));
    }

    /**
     * One candidate: a and b score a false positive 0.6 before their window and the window 0.9; c scores its window
     * only 0.7.
     */
    private static Map<String, Map<String, double[]>> falsePositiveBeforeEachWindow() {
        return Map.of("only", Map.of(
                "a/1.csv", scored(Map.of(30, 0.6, 50, 0.9)), "b/1.csv", scored(Map.of(30, 0.6, 50, 0.9)),
                "c/1.csv", scored(Map.of(50, 0.7))));
    }

    private static NabSeries series(String name) {
        var start = LocalDateTime.of(2024, 1, 1, 0, 0);
        var timestamps = new ArrayList<LocalDateTime>();
        for (int i = 0; i < 100; i++) {
            timestamps.add(start.plusMinutes(5L * i));
        }
        return new NabSeries(name, timestamps, new double[100], List.of(new NabWindow(50, 59)));
    }

    /** Scores of 1 at the given rows, 0 elsewhere. */
    private static double[] detectAt(int... rows) {
        double[] s = new double[100];
        for (int r : rows) {
            s[r] = 1;
        }
        return s;
    }

    private static double[] scored(Map<Integer, Double> rows) {
        double[] s = new double[100];
        rows.forEach((row, score) -> s[row] = score);
        return s;
    }
}

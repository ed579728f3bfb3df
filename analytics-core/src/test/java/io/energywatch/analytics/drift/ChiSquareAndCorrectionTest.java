package io.energywatch.analytics.drift;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Chi-square against scipy's chi2_contingency and chi2.sf; Holm and Bonferroni against a hand-worked example. */
class ChiSquareAndCorrectionTest {

    @Test
    void homogeneityOfCategoryCountsMatchesScipyWithoutContinuityCorrection() {
        var result = ChiSquare.homogeneity(Map.of("a", 50L, "b", 30L, "c", 20L),
                Map.of("a", 40L, "b", 45L, "c", 10L, "d", 5L));

        assertThat(result.degreesOfFreedom()).isEqualTo(3);
        assertThat(result.statistic()).isCloseTo(12.444444444444445, within(1e-9));
        assertThat(result.pValue()).isCloseTo(0.0060058815393578355, within(1e-9));
    }

    @Test
    void theChiSquareTailMatchesScipyInBothRegimesOfTheIncompleteGamma() {
        assertThat(ChiSquare.survival(3.2, 1)).isCloseTo(0.07363827012030258, within(1e-10));
        assertThat(ChiSquare.survival(10.5, 4)).isCloseTo(0.03279698999488366, within(1e-10));
        assertThat(ChiSquare.survival(0.5, 7)).isCloseTo(0.9994464813904249, within(1e-10));
        assertThat(ChiSquare.survival(250.0, 30)).isCloseTo(1.5157414203687308e-36, within(1e-45));
    }

    @Test
    void holmAdjustsByRankAndKeepsTheOrderOfTheRawPValues() {
        double[] raw = {0.01, 0.04, 0.03, 0.005};

        assertThat(Correction.HOLM.adjust(raw)).containsExactly(new double[]{0.03, 0.06, 0.06, 0.02}, within(1e-15));
    }

    @Test
    void bonferroniMultipliesByTheNumberOfTestsAndCapsAtOne() {
        double[] raw = {0.01, 0.04, 0.03, 0.3};

        assertThat(Correction.BONFERRONI.adjust(raw)).containsExactly(new double[]{0.04, 0.16, 0.12, 1.0}, within(1e-15));
    }
}

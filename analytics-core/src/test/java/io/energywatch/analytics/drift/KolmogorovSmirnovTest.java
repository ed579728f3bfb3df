package io.energywatch.analytics.drift;

import org.junit.jupiter.api.Test;

import static io.energywatch.analytics.drift.ReferenceSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** KS statistic and p-values against drift_reference.py (scipy 1.17.1 and brute-force enumeration), to 1e-6. */
class KolmogorovSmirnovTest {

    private static final double TOLERANCE = 1e-6;
    private static final long EXACT = KolmogorovSmirnov.DEFAULT_EXACT_LIMIT;

    @Test
    void tinySamplesGetTheExactPValueScipyAndEnumerationAgreeOn() {
        var result = KolmogorovSmirnov.test(TINY_A, TINY_B, EXACT);

        assertThat(result.method()).isEqualTo(KolmogorovSmirnov.Method.EXACT);
        assertThat(result.statistic()).isCloseTo(0.75, within(TOLERANCE));
        assertThat(result.pValue()).isCloseTo(0.22857142857142856, within(TOLERANCE));
    }

    @Test
    void unequalSampleSizesMatchScipysExactTest() {
        var result = KolmogorovSmirnov.test(UNEQUAL_A, UNEQUAL_B, EXACT);

        assertThat(result.statistic()).isCloseTo(0.3247058823529412, within(TOLERANCE));
        assertThat(result.pValue()).isCloseTo(0.1879361045386339, within(TOLERANCE));
    }

    @Test
    void mediumSamplesMatchScipysExactTest() {
        var result = KolmogorovSmirnov.test(MEDIUM_A, MEDIUM_B, EXACT);

        assertThat(result.statistic()).isCloseTo(0.15, within(TOLERANCE));
        assertThat(result.pValue()).isCloseTo(0.5658078840059115, within(TOLERANCE));
    }

    @Test
    void tiesGiveTheExactPermutationPValueConditionalOnTheTies() {
        var first = KolmogorovSmirnov.test(TIES_A, TIES_B, EXACT);
        var second = KolmogorovSmirnov.test(TIES2_A, TIES2_B, EXACT);

        assertThat(first.statistic()).isCloseTo(0.48214285714285715, within(TOLERANCE));
        assertThat(first.pValue()).isCloseTo(0.17482517482517482, within(TOLERANCE));
        assertThat(second.statistic()).isCloseTo(0.42857142857142855, within(TOLERANCE));
        assertThat(second.pValue()).isCloseTo(0.3916083916083916, within(TOLERANCE));
    }

    @Test
    void largeSamplesGetTheAsymptoticPValueWithTheEffectiveSizeCorrection() {
        var close = KolmogorovSmirnov.test(LARGE_A, LARGE_B, EXACT);
        var shifted = KolmogorovSmirnov.test(LARGE_A, SHIFTED_B, EXACT);

        assertThat(close.method()).isEqualTo(KolmogorovSmirnov.Method.ASYMPTOTIC);
        assertThat(close.statistic()).isCloseTo(0.030666666666666665, within(TOLERANCE));
        assertThat(close.pValue()).isCloseTo(0.39049329399750937, within(TOLERANCE));
        assertThat(shifted.statistic()).isCloseTo(0.09066666666666667, within(TOLERANCE));
        assertThat(shifted.pValue()).isCloseTo(1.3459187630060144e-06, within(1e-9));
    }

    @Test
    void theKolmogorovSurvivalFunctionMatchesScipyOnBothSeries() {
        double[][] expected = {{0.3, 0.9999906941986655}, {0.5, 0.9639452436648751}, {1.0, 0.26999967167735456},
                {1.18, 0.1234538094297657}, {1.5, 0.022217962616525127}, {2.0, 0.0006709252557796953},
                {3.0, 3.045995948942526e-08}};
        for (double[] e : expected) {
            assertThat(KolmogorovSmirnov.kolmogorovSurvival(e[0])).as("Q(%s)", e[0]).isCloseTo(e[1], within(1e-12));
        }
    }

    @Test
    void identicalSamplesHaveNoDistanceAndPValueOne() {
        var result = KolmogorovSmirnov.test(TIES_A, TIES_A, EXACT);

        assertThat(result.statistic()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }
}

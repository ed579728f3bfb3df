package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScoreCombinationTest {

    private static final double THRESHOLD = 0.5;
    private final ScoreCombination corroborating = new ScoreCombination(0.6);

    @Test
    void withoutAForestTheStreamingScoreStands() {
        assertThat(corroborating.combine(0.3, Double.NaN, THRESHOLD)).isEqualTo(0.3);
    }

    @Test
    void theForestRaisesARowTheStreamingDetectorFlags() {
        assertThat(corroborating.combine(0.55, 0.9, THRESHOLD)).isEqualTo(0.9);
        assertThat(corroborating.combine(0.8, 0.55, THRESHOLD)).isEqualTo(0.8);
    }

    @Test
    void theForestAloneFlagsOnlyFromItsOwnCutPoint() {
        assertThat(corroborating.combine(0.2, 0.7, THRESHOLD)).isEqualTo(0.7);
        double belowItsCut = corroborating.combine(0.2, 0.58, THRESHOLD);
        assertThat(belowItsCut).isLessThan(THRESHOLD).isGreaterThan(0.49);
        assertThat(corroborating.combine(0.2, 0.3, THRESHOLD)).isEqualTo(0.3);
    }

    @Test
    void maxIsThePlainMaximum() {
        assertThat(ScoreCombination.MAX.combine(0.2, 0.51, THRESHOLD)).isEqualTo(0.51);
        assertThat(ScoreCombination.MAX.combine(0.2, 0.4, THRESHOLD)).isEqualTo(0.4);
        assertThat(ScoreCombination.MAX.combine(0.7, 0.4, THRESHOLD)).isEqualTo(0.7);
    }

    @Test
    void aNegativeCutPointIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ScoreCombination(-0.1))
                .withMessageContaining("forestAlone");
    }
}

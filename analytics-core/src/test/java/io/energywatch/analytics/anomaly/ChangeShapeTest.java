package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeShapeTest {

    @Test
    void aStepWithAPartialFirstBlockIsALevelShift() {
        double[] z = {0.8, 0.3, 3.1, 6.8, 7.2, 6.9, 7.1, 6.7};
        assertThat(ChangeShape.of(z, z.length)).isEqualTo(AnomalyType.LEVEL_SHIFT);
    }

    @Test
    void aResidualGrowingLinearlyIsAGradualDrift() {
        double[] z = {0.6, 1.1, 1.4, 2.2, 2.4, 3.1, 3.4, 4.2, 4.4, 5.1};
        assertThat(ChangeShape.of(z, z.length)).isEqualTo(AnomalyType.GRADUAL_DRIFT);
        assertThat(ChangeShape.rampError(z, z.length)).isLessThan(ChangeShape.stepError(z, z.length));
    }

    @Test
    void aChangeFoundWithinAFewBlocksIsAStep() {
        double[] z = {2, 4, 6};
        assertThat(ChangeShape.of(z, z.length)).isEqualTo(AnomalyType.LEVEL_SHIFT);
    }
}

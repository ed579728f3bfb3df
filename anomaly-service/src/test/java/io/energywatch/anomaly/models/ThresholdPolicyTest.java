package io.energywatch.anomaly.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThresholdPolicyTest {

    private final ThresholdPolicy policy = new ThresholdPolicy(0.01, 0.001);

    @Test
    void withoutAChampionOrFeedbackTheBaseContaminationIsUsed() {
        assertThat(policy.nextContamination(Double.NaN, 0, 0)).isEqualTo(0.01);
    }

    @Test
    void falsePositivesLowerTheNextContaminationSoTheThresholdRises() {
        assertThat(policy.nextContamination(0.01, 1, 1)).isEqualTo(0.005);
        assertThat(policy.nextContamination(0.005, 3, 1)).isEqualTo(0.00375);
        assertThat(policy.nextContamination(0.01, 5, 0)).isEqualTo(0.01);
    }

    @Test
    void theContaminationNeverFallsBelowTheFloor() {
        assertThat(policy.nextContamination(0.002, 0, 9)).isEqualTo(0.001);
        assertThatThrownBy(() -> new ThresholdPolicy(0.01, 0.02)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aGroupIsItsCarrierSourceAndResolutionAndNamesItsModel() {
        var group = SeriesGroup.of("electricity:93:eco2mix:PT30M");
        assertThat(group).isEqualTo(SeriesGroup.parse("electricity:eco2mix:PT30M"));
        assertThat(group.modelId()).isEqualTo("anomaly-forest.electricity.eco2mix.PT30M");
        assertThatThrownBy(() -> SeriesGroup.parse("electricity:eco2mix")).isInstanceOf(IllegalArgumentException.class);
    }
}

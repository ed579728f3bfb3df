package io.energywatch.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DetectionQualityStepTest {

    @Test
    void theTableSaysWhetherTheDetectorsWereTunedOnItsSeed() {
        assertThat(DetectionQualityStep.seedNote(42)).startsWith("seed 42 (the detectors were tuned on this seed");
        assertThat(DetectionQualityStep.seedNote(1001)).isEqualTo("seed 1001 (not used for tuning)");
    }
}

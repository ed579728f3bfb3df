package io.energywatch.anomaly.models;

import io.energywatch.anomaly.alerts.AnomalyStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ListedModelTest {

    @Test
    void precisionIsTheConfirmedShareOfTheJudgedAnomalies() {
        var feedback = ListedModel.FeedbackPrecision.of(Map.of(AnomalyStatus.CONFIRMED, 3L,
                AnomalyStatus.FALSE_POSITIVE, 1L));
        assertThat(feedback.precision()).isEqualTo(0.75);
        assertThat(feedback.confirmed()).isEqualTo(3);
        assertThat(feedback.falsePositives()).isEqualTo(1);
    }

    @Test
    void aVersionNobodyJudgedHasNoPrecisionYet() {
        assertThat(ListedModel.FeedbackPrecision.of(Map.of()).precision()).isNull();
    }
}

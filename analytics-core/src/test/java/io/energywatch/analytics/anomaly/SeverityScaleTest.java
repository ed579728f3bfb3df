package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityScaleTest {

    @Test
    void eachCutPointStartsItsSeverityAndBelowTheThresholdThereIsNone() {
        var scale = SeverityScale.DEFAULT;
        assertThat(scale.severityOf(0.49)).isNull();
        assertThat(scale.severityOf(0.5)).isEqualTo(Severity.LOW);
        assertThat(scale.severityOf(0.7)).isEqualTo(Severity.MEDIUM);
        assertThat(scale.severityOf(0.85)).isEqualTo(Severity.HIGH);
        assertThat(scale.severityOf(0.95)).isEqualTo(Severity.CRITICAL);
        assertThat(scale.severityOf(1.0)).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void cutPointsMustRise() {
        assertThatThrownBy(() -> new SeverityScale(0.5, 0.4, 0.8, 0.9)).isInstanceOf(IllegalArgumentException.class);
    }
}

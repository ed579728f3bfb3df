package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorConfigTest {

    @Test
    void replacesOnlyTheNamedComponentsParsedFromText() {
        DetectorConfig base = DetectorConfig.consumption();
        DetectorConfig changed = base.withComponents(Map.of("alarmZ", "4.5", "profileWindow", "32",
                "episodeHalfLife", "PT12H"));

        assertThat(changed.alarmZ()).isEqualTo(4.5);
        assertThat(changed.profileWindow()).isEqualTo(32);
        assertThat(changed.episodeHalfLife()).isEqualTo(Duration.ofHours(12));
        assertThat(changed.withComponents(Map.of("alarmZ", Double.toString(base.alarmZ()), "profileWindow",
                Integer.toString(base.profileWindow()), "episodeHalfLife", base.episodeHalfLife().toString())))
                .isEqualTo(base);
        assertThat(base.withComponents(Map.of())).isEqualTo(base);
    }

    @Test
    void takesTheComponentsOfPropertiesWithThePrefixOnly() {
        var properties = new java.util.Properties();
        properties.setProperty("ew.alarmZ", "4.5");
        properties.setProperty("other.alarmZ", "9");
        properties.setProperty("alarmZ", "9");
        DetectorConfig base = DetectorConfig.defaults();

        assertThat(base.withComponents(properties, "ew.")).isEqualTo(base.withComponents(Map.of("alarmZ", "4.5")));
    }

    @Test
    void refusesUnknownComponentsAndValuesThatDoNotParse() {
        DetectorConfig base = DetectorConfig.defaults();
        assertThatThrownBy(() -> base.withComponents(Map.of("alarmz", "4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[alarmz]");
        assertThatThrownBy(() -> base.withComponents(Map.of("alarmZ", "high")))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> base.withComponents(Map.of("zone", "UTC")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zone cannot be given as text");
    }

    @Test
    void theSpikeDensityAndBaselineHoldAreOffForConsumptionAndTheNewComponentsAreValidated() {
        assertThat(DetectorConfig.defaults().densityWindow()).isPositive();
        assertThat(DetectorConfig.consumption().densityWindow()).isZero();
        DetectorConfig base = DetectorConfig.defaults();
        assertThatThrownBy(() -> base.withComponents(Map.of("densityWindow", "2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withComponents(Map.of("densityZ", "0")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withComponents(Map.of("seasonalErrorRatio", "-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withComponents(Map.of("baselineHold", "-PT1H")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DetectorConfig.consumption().baselineHold()).isZero();
        assertThat(base.withComponents(Map.of("stuckReportedOnce", "false")).stuckReportedOnce()).isFalse();
    }
}

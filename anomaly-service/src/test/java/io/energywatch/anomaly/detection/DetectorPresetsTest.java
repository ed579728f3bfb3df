package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.anomaly.config.AnomalyProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorPresetsTest {

    @Test
    void theYamlPresetsBindToTheValuesTheDetectorWasEvaluatedWith() {
        assertThat(DetectorPresets.load("nab", Map.of())).isEqualTo(DetectorConfig.defaults());
        assertThat(DetectorPresets.load("consumption", Map.of())).isEqualTo(DetectorConfig.consumption());
    }

    @Test
    void anOverrideReplacesOneSettingAndKeepsTheRestOfThePreset() {
        DetectorConfig base = DetectorConfig.consumption();
        DetectorConfig changed = DetectorPresets.load("consumption",
                Map.of("alarm.z", "6.5", "episode.half-life", "12h", "density.window", "24"));

        assertThat(changed).isEqualTo(base
                .with(new DetectorConfig.Alarm(6.5, base.alarm().explainedFeatures(), base.alarm().severities()))
                .with(new DetectorConfig.Episode(Duration.ofHours(12), 1.5, 0.3))
                .with(new DetectorConfig.Density(24, 4.0)));
    }

    @Test
    void theEvaluationsTakeOverridesFromPrefixedSystemPropertiesOnly() {
        var properties = new Properties();
        properties.setProperty("ew.profile.window", "32");
        properties.setProperty("other.alarm.z", "9");

        assertThat(DetectorPresets.load("consumption", properties, "ew."))
                .isEqualTo(DetectorPresets.load("consumption", Map.of("profile.window", "32")));
    }

    @Test
    void aBadValueAnUnknownSettingOrAnUnknownPresetFailsNamingIt() {
        assertThatThrownBy(() -> DetectorPresets.load("nab", Map.of("density.window", "2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("detector density.window must be 0 (off) or at least 3, was 2");
        assertThatThrownBy(() -> DetectorPresets.load("nab", Map.of("alarm.z", "high")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alarm.z");
        assertThatThrownBy(() -> DetectorPresets.load("nab", Map.of("alarm.zz", "4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alarm.zz");
        assertThatThrownBy(() -> DetectorPresets.load("../application", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no detector preset ../application (detector-presets/../application.yml)");
    }

    @Test
    void theServicePropertiesCarryThePresetNameAndItsOverrides() {
        var source = new MapConfigurationPropertySource(Map.of(
                "energywatch.anomaly.detection.group-id", "g",
                "energywatch.anomaly.detection.max-poll-records", "10",
                "energywatch.anomaly.detection.initial-backoff", "1s",
                "energywatch.anomaly.detection.max-backoff", "2s",
                "energywatch.anomaly.detection.publish-timeout", "3s",
                "energywatch.anomaly.detection.remembered-anomalies", "5",
                "energywatch.anomaly.detection.severity.threshold", "0.6",
                "energywatch.anomaly.detection.severity.medium", "0.7",
                "energywatch.anomaly.detection.severity.high", "0.8",
                "energywatch.anomaly.detection.severity.critical", "0.9"));
        var detection = new Binder(source).bindOrCreate("energywatch.anomaly.detection",
                AnomalyProperties.Detection.class);
        assertThat(detection.detector()).isEmpty();

        var withOverride = new Binder(new MapConfigurationPropertySource(Map.of(
                "energywatch.anomaly.detection.detector-preset", "consumption",
                "energywatch.anomaly.detection.detector.alarm.z", "6.5",
                "energywatch.anomaly.detection.detector.profile.pre-onset-memory", "2d")))
                .bindOrCreate("energywatch.anomaly.detection", AnomalyProperties.Detection.class);
        assertThat(withOverride.detector()).containsExactlyInAnyOrderEntriesOf(
                Map.of("alarm.z", "6.5", "profile.pre-onset-memory", "2d"));
        DetectorConfig config = DetectorPresets.load(withOverride.detectorPreset(), withOverride.detector());
        assertThat(config.alarm().z()).isEqualTo(6.5);
        assertThat(config.profile().preOnsetMemory()).isEqualTo(Duration.ofDays(2));
    }
}

package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorConfigTest {

    @Test
    void aWitherReplacesOneGroupAndKeepsEveryOther() {
        DetectorConfig base = DetectorConfig.consumption();
        DetectorConfig changed = base.with(new DetectorConfig.Density(24, 4.0));

        assertThat(changed.density().window()).isEqualTo(24);
        assertThat(changed.with(base.density())).isEqualTo(base);
        assertThat(changed).usingRecursiveComparison().ignoringFields("density").isEqualTo(base);
    }

    @Test
    void zoneWarmupAndSeveritiesChangeOnlyTheirOwnSetting() {
        DetectorConfig base = DetectorConfig.defaults();
        var severities = new SeverityScale(0.6, 0.7, 0.8, 0.9);

        assertThat(base.withZone(ZoneOffset.UTC).timing().zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(base.withZone(ZoneOffset.UTC).withZone(base.timing().zone())).isEqualTo(base);
        assertThat(base.withWarmup(10, Duration.ofHours(1)).timing())
                .isEqualTo(new DetectorConfig.Timing(base.timing().zone(), 0, 5, 10, Duration.ofHours(1)));
        assertThat(base.withSeverities(severities).alarm())
                .isEqualTo(new DetectorConfig.Alarm(base.alarm().z(), base.alarm().explainedFeatures(), severities));
    }

    @Test
    void invalidSettingsAreRefusedNamingTheGroupAndSettingAsTheYamlSpellsThem() {
        assertThatThrownBy(() -> new DetectorConfig.Density(2, 4.0))
                .hasMessage("detector density.window must be 0 (off) or at least 3, was 2");
        assertThatThrownBy(() -> new DetectorConfig.Density(24, 0))
                .hasMessage("detector density.z must be positive, was 0.0");
        assertThatThrownBy(() -> new DetectorConfig.Seasonal(6, 7, 3, 2, -1, 0, Duration.ZERO))
                .hasMessage("detector seasonal.error-ratio must be 0 (off) or positive, was -1.0");
        assertThatThrownBy(() -> new DetectorConfig.Seasonal(6, 7, 7, 2, 1.5, 0, Duration.ZERO))
                .hasMessage("detector seasonal.min-weeks must be in [1, depth-weeks 6], was 7");
        assertThatThrownBy(() -> new DetectorConfig.Seasonal(6, 7, 3, 2, 1.5, 0, Duration.ofHours(-1)))
                .hasMessage("detector seasonal.hold must not be negative, was PT-1H");
        assertThatThrownBy(() -> new DetectorConfig.Cusum(1, 15, 10, 3))
                .hasMessage("detector cusum.alarm must be at least cusum.threshold 15.0, was 10.0");
        assertThatThrownBy(() -> new DetectorConfig.Scales(96, 1024, 0.005, 2048, 1.0))
                .hasMessage("detector scales.tail-quantile must be in (0.5, 1), was 1.0");
        assertThatThrownBy(() -> new DetectorConfig.Episode(null, 1.5, 0.3))
                .hasMessage("detector episode.half-life is required");
        var d = DetectorConfig.defaults();
        assertThatThrownBy(() -> new DetectorConfig(d.timing(), d.scales(), d.seasonal(), d.profile(), null,
                d.stuck(), d.cusum(), d.drift(), d.weather(), d.episode(), d.density(), d.slowChange()))
                .hasMessage("detector alarm is required");
    }

    @Test
    void thePresetsDifferWhereConsumptionDocumentsIt() {
        DetectorConfig nab = DetectorConfig.defaults();
        DetectorConfig consumption = DetectorConfig.consumption();

        assertThat(nab.density().window()).isPositive();
        assertThat(consumption.density().window()).isZero();
        assertThat(nab.seasonal().hold()).isEqualTo(Duration.ofDays(1));
        assertThat(consumption.seasonal().hold()).isZero();
        assertThat(consumption.profile().window()).isEqualTo(16);
        assertThat(consumption.scales().tailWindow()).isZero();
        assertThat(consumption.alarm().z()).isEqualTo(7.0);
        assertThat(nab.slowChange().on()).isFalse();
        assertThat(consumption.slowChange().on()).isTrue();
        assertThat(consumption).usingRecursiveComparison()
                .ignoringFields("timing.warmup", "scales.tailWindow", "seasonal.clipZ", "seasonal.hold", "profile",
                        "alarm.z", "stuck.unlearnedRuns", "episode.halfLife", "density.window", "slowChange")
                .isEqualTo(nab);
    }
}

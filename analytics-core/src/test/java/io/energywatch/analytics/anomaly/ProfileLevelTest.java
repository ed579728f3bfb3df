package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ProfileLevelTest {

    private static ProfileLevel profile(int window, int jumpDays) {
        return new ProfileLevel(new DetectorConfig.Profile(window, jumpDays, Duration.ZERO), 64);
    }

    @Test
    void theBaselineIsScaledToTheLevelOfTheLastRows() {
        var profile = profile(4, 0);
        assertThat(profile.expect(100, Double.NaN, 0.1)).isEqualTo(ProfileLevel.Expectation.NONE);
        for (int i = 0; i < 2; i++) {
            profile.learn(120, 100, profile.expect(100, Double.NaN, 0.1), Double.NaN);
        }
        var row = profile.expect(50, Double.NaN, 0.1);
        assertThat(row.expected()).isCloseTo(60.0, within(1e-9));
        assertThat(row.weatherScaled()).isFalse();
        assertThat(row.scale()).isNaN();
        assertThat(profile.level()).isEqualTo(1.2);
        assertThat(profile.ready()).isTrue();
    }

    @Test
    void withWeatherTheLevelIsRelativeToTheDegreeDayLevelOnceAWholeWindowHasIt() {
        var profile = profile(4, 0);
        for (int i = 0; i < 3; i++) {
            profile.learn(120, 100, ProfileLevel.Expectation.NONE, 2.0);
        }
        var row = profile.expect(100, 3.0, 0.1);
        assertThat(row.weatherScaled()).isTrue();
        assertThat(row.expected()).isCloseTo(100 * 3.0 * 0.6, within(1e-9));
        profile.learn(120, 100, row, Double.NaN);
        assertThat(profile.expect(100, 3.0, 0.1).weatherScaled()).isFalse();
    }

    @Test
    void aSeriesThatIsNotStrictlyPositiveIsOffsetInsteadOfScaled() {
        var profile = profile(4, 0);
        profile.learn(-5, 10, ProfileLevel.Expectation.NONE, Double.NaN);
        profile.learn(15, 10, ProfileLevel.Expectation.NONE, Double.NaN);
        assertThat(profile.expect(20, Double.NaN, 0.1).expected()).isEqualTo(15.0); // 20 + median(-15, 5)
    }

    @Test
    void atTheStartOfADayTheScaleIsWidenedByTheTypicalDayToDayChange() {
        var profile = profile(4, 7);
        assertThat(profile.ready()).isFalse();
        double[] levels = {1.0, 1.1, 1.0, 1.1, 1.0};
        for (int day = 0; day < levels.length; day++) {
            profile.startDay(day);
            for (int i = 0; i < 20; i++) {
                var row = profile.expect(100, Double.NaN, 0.1);
                profile.learn(100 * levels[day] + (i % 2), 100, row, Double.NaN);
            }
        }
        assertThat(profile.ready()).isTrue();
        var dayStart = profile.expect(100, Double.NaN, 0.1);
        profile.startDay(levels.length);
        assertThat(profile.levelUncertainty(dayStart)).isGreaterThan(0);
        for (int i = 0; i < 4; i++) {
            profile.learn(100, 100, profile.expect(100, Double.NaN, 0.1), Double.NaN);
        }
        assertThat(profile.levelUncertainty(profile.expect(100, Double.NaN, 0.1))).isZero();
    }

    @Test
    void aProfileWindowOfZeroIsOff() {
        var profile = profile(0, 0);
        profile.learn(120, 100, ProfileLevel.Expectation.NONE, Double.NaN);
        profile.startDay(3);
        assertThat(profile.expect(100, Double.NaN, 0.1)).isEqualTo(ProfileLevel.Expectation.NONE);
        assertThat(profile.level()).isNaN();
    }
}

package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WeatherLevelTest {

    @Test
    void theRegressionLearnsTheDegreeDaySensitivityAndIsUsedOnlyOnceLearned() {
        var weather = new WeatherLevel(new DetectorConfig.Weather(0.998, 48, 0.5), 256);
        for (int i = 0; i < 47; i++) {
            double hdd = i % 12;
            weather.learn(800 + 25 * hdd, hdd, 0, weather.residual(800 + 25 * hdd, hdd, 0));
        }
        assertThat(weather.level(5, 0)).isNaN();
        assertThat(weather.z(100, 1)).isNaN();
        for (int i = 47; i < 200; i++) {
            double hdd = i % 12;
            double value = 800 + 25 * hdd + (i % 3 - 1);
            weather.learn(value, hdd, 0, weather.residual(value, hdd, 0));
        }
        assertThat(weather.level(10, 0)).isCloseTo(1050, within(2.0));
        assertThat(weather.residual(1450, 10, 0)).isCloseTo(400, within(2.0));
        assertThat(weather.z(weather.residual(1450, 10, 0), 1)).isGreaterThan(100);
        assertThat(weather.coefficients()[1]).isCloseTo(25, within(0.5));
    }

    @Test
    void aLevelThatIsNotPositiveIsNoLevel() {
        var weather = new WeatherLevel(new DetectorConfig.Weather(1, 1, 0.5), 16);
        weather.learn(-5, 0, 0, Double.NaN);
        weather.learn(-5, 0, 0, Double.NaN);
        assertThat(weather.level(0, 0)).isNaN();
    }
}

package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastMetricsTest {

    @Test
    void metricsOfThreeHandCheckedSteps() {
        // Errors 10, 20 and 5 against actuals 100, 200 and 0.
        var m = ForecastMetrics.of(new double[] {100, 200, 0}, new double[] {110, 180, 5});

        assertThat(m.steps()).isEqualTo(3);
        // The zero actual is left out of MAPE: (10% + 10%) / 2.
        assertThat(m.mapePercent()).isCloseTo(10.0, within(1e-9));
        // 200·10/210, 200·20/380 and 200·5/5, averaged.
        assertThat(m.smapePercent()).isCloseTo((2000.0 / 210 + 4000.0 / 380 + 200) / 3, within(1e-9));
        assertThat(m.mae()).isCloseTo(35.0 / 3, within(1e-9));
        assertThat(m.rmse()).isCloseTo(Math.sqrt(525.0 / 3), within(1e-9));
        // SS_res 525 against SS_tot 20,000 around the mean 100.
        assertThat(m.r2()).isCloseTo(1 - 525.0 / 20_000, within(1e-12));
    }

    @Test
    void perfectPredictionsHaveNoErrorAndAnR2OfOne() {
        var m = ForecastMetrics.of(new double[] {1, 2, 3}, new double[] {1, 2, 3});

        assertThat(m.mapePercent()).isZero();
        assertThat(m.rmse()).isZero();
        assertThat(m.r2()).isEqualTo(1.0);
    }
}

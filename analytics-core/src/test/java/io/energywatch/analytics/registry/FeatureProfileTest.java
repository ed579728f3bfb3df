package io.energywatch.analytics.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureProfileTest {

    @Test
    void aNumericProfileHasTenEqualQuantileBinsAHistogramAndABoundedReservoir() {
        double[] values = new double[1001];
        for (int i = 0; i < 1000; i++) {
            values[i] = i;
        }
        values[1000] = Double.NaN;
        var profile = FeatureProfile.numeric("x", values, 10, 100, 1);
        assertThat(profile.count()).isEqualTo(1000);
        assertThat(profile.missing()).isEqualTo(1);
        assertThat(profile.mean()).isCloseTo(499.5, within(1e-9));
        assertThat(profile.quantileEdges()).containsExactly(100.0, 200.0, 300.0, 400.0, 500.0, 600.0, 700.0, 800.0,
                900.0);
        assertThat(profile.quantileCounts()).containsExactly(101L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 100L, 99L);
        assertThat(profile.histogramCounts()).containsOnly(100L);
        assertThat(profile.reservoir()).hasSize(100).allSatisfy(v -> assertThat(v).isBetween(0.0, 999.0));
        assertThat(profile.quantileBin(-5)).isZero();
        assertThat(profile.quantileBin(10_000)).isEqualTo(9);
    }
}

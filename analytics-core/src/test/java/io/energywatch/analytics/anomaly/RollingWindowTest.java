package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RollingWindowTest {

    @Test
    void medianAndMadOfAHandMadeWindowMatchTheirDefinitions() {
        var window = new RollingWindow(5);
        for (double v : new double[] {1, 2, 3, 4, 100}) {
            window.add(v);
        }
        // median 3; deviations 2,1,0,1,97 → median 1
        assertThat(window.median()).isEqualTo(3);
        assertThat(window.mad()).isEqualTo(1);
        window.add(5); // evicts 1: window 2,3,4,100,5 → median 4; deviations 2,1,0,96,1 → 1
        assertThat(window.median()).isEqualTo(4);
        assertThat(window.mad()).isEqualTo(1);
    }

    @Test
    void slidingStatisticsEqualABruteForceRecomputationAtEveryStep() {
        var random = new Random(7);
        var window = new RollingWindow(16);
        double[] all = new double[500];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.floor(random.nextGaussian() * 10);
            window.add(all[i]);
            double[] last = Arrays.copyOfRange(all, Math.max(0, i - 15), i + 1);
            double median = median(last);
            double[] deviations = Arrays.stream(last).map(v -> Math.abs(v - median)).toArray();
            assertThat(window.median()).isEqualTo(median);
            assertThat(window.mad()).isCloseTo(median(deviations), within(1e-12));
        }
    }

    @Test
    void countDataFullOfZerosStillHasAPositiveRobustScale() {
        var window = new RollingWindow(10);
        for (double v : new double[] {0, 0, 0, 0, 0, 0, 1, 2, 0, 3}) {
            window.add(v);
        }
        assertThat(window.mad()).isZero();
        assertThat(window.robustSigma()).isCloseTo(1.2533 * 6 / 10, within(1e-12));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : 0.5 * (sorted[mid - 1] + sorted[mid]);
    }
}

package io.energywatch.analytics.anomaly.forest;

import org.junit.jupiter.api.Test;
import smile.anomaly.IsolationForest;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FlatIsolationForestTest {

    private static double[][] gaussianRows(int n, int p, long seed) {
        var random = new Random(seed);
        double[][] rows = new double[n][p];
        for (double[] row : rows) {
            for (int j = 0; j < p; j++) {
                row[j] = random.nextGaussian() * (j + 1);
            }
        }
        return rows;
    }

    @Test
    void theCompiledForestGivesExactlySmilesScoresOnTrainingAndUnseenRows() {
        double[][] training = gaussianRows(2000, 6, 1);
        var smile = IsolationForest.fit(training, new IsolationForest.Options(50, 0, 256.0 / training.length, 0));
        var flat = FlatIsolationForest.compile(smile);
        double[][] unseen = gaussianRows(2000, 6, 2);
        unseen[0] = new double[] {40, -40, 40, -40, 40, -40};
        for (double[][] rows : new double[][][] {training, unseen}) {
            for (double[] row : rows) {
                assertThat(flat.score(row)).isEqualTo(smile.score(row));
            }
        }
        assertThat(flat.trees()).isEqualTo(50);
        assertThat(flat.score(unseen[0])).isGreaterThan(flat.score(training[1]));
    }

    @Test
    void aForestReadBackFromItsBytesScoresIdentically() {
        double[][] training = gaussianRows(500, 3, 3);
        var flat = FlatIsolationForest.compile(
                IsolationForest.fit(training, new IsolationForest.Options(20, 0, 0.5, 0)));
        var copy = FlatIsolationForest.fromBytes(flat.toBytes());
        for (double[] row : gaussianRows(300, 3, 4)) {
            assertThat(copy.score(row)).isEqualTo(flat.score(row));
        }
        assertThat(copy.nodes()).isEqualTo(flat.nodes());
    }

    @Test
    void anExtendedForestWithObliqueSplitsIsRejected() {
        double[][] training = gaussianRows(300, 3, 5);
        var extended = IsolationForest.fit(training, new IsolationForest.Options(5, 0, 0.5, 1));
        assertThatThrownBy(() -> FlatIsolationForest.compile(extended))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("extension level");
    }
}

package io.energywatch.analytics.anomaly.forest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import smile.anomaly.IsolationForest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    /** Finite values of a feature at and around every split point of the forest, where rounding decides the side. */
    private static double[][] rowsAtTheSplitPoints(IsolationForest forest, int p) {
        var rows = new ArrayList<double[]>();
        for (double[] split : SmileTrees.splits(forest)) {
            double bias = split[p];
            for (int j = 0; j < p; j++) {
                if (split[j] != 0) {
                    for (double x : around(bias / split[j])) {
                        double[] row = new double[p];
                        row[j] = x;
                        rows.add(row);
                    }
                }
            }
        }
        return rows.toArray(double[][]::new);
    }

    /** x and its neighbours up to three ulps either side, those that are finite. */
    private static List<Double> around(double x) {
        var values = new ArrayList<Double>();
        double down = x;
        double up = x;
        for (int i = 0; i < 3; i++) {
            down = Math.nextDown(down);
            up = Math.nextUp(up);
        }
        for (double v = down; v <= up; v = Math.nextUp(v)) {
            if (Double.isFinite(v)) {
                values.add(v);
            }
            if (v == Double.POSITIVE_INFINITY) {
                break;
            }
        }
        return values;
    }

    private static void assertSameScores(FlatIsolationForest flat, IsolationForest smile, double[][] rows) {
        for (double[] row : rows) {
            assertThat(flat.score(row)).as("score of %s", Arrays.toString(row)).isEqualTo(smile.score(row));
        }
    }

    @Test
    void theCompiledForestGivesExactlySmilesScoresOnTrainingAndUnseenRows() {
        // Smile's fit is unseeded (and racy, see the NaN split tests below), so every run checks new forests.
        for (long seed = 1; seed <= 3; seed++) {
            double[][] training = gaussianRows(2000, 6, seed);
            var smile = IsolationForest.fit(training, new IsolationForest.Options(50, 0, 256.0 / training.length, 0));
            var flat = FlatIsolationForest.compile(smile);
            double[][] unseen = gaussianRows(2000, 6, seed + 100);
            unseen[0] = new double[] {40, -40, 40, -40, 40, -40};
            for (double[][] rows : new double[][][] {training, unseen, rowsAtTheSplitPoints(smile, 6)}) {
                assertSameScores(flat, smile, rows);
            }
            assertThat(flat.trees()).isEqualTo(50);
            assertThat(flat.score(unseen[0])).isGreaterThan(flat.score(training[1]));
        }
    }

    /** One tree, one split on feature 1: left leaf depth 1, right leaf depth 2. */
    private static IsolationForest oneSplit(double slope, double bias) {
        double[] normal = {0, slope, 0};
        return SmileTrees.forest(256, 3,
                SmileTrees.tree(SmileTrees.split(0, normal, bias, SmileTrees.leaf(1), SmileTrees.leaf(2)), 3));
    }

    @Test
    void aNaNSplitFromSmilesRacyParallelFitSendsEveryRowRightLikeSmile() {
        // Smile draws split normals from one shared GaussianDistribution whose cached second value is not
        // thread-safe: two fitting threads now and then make rand() return NaN. A split then has normal
        // [0, 0, 0, NaN, 0, 0] and bias NaN (the dot product with the intercept), and Smile sends every row right
        // (NaN < NaN is false). The flat form used to take the NaN threshold for a negative slope and send the rows
        // left. Values from a failing run: tree 49 of the forest, row below, flat 0.5588551045653158, Smile
        // 0.5576651487173521.
        double nan = Double.NaN;
        double negativeNaN = Double.longBitsToDouble(0xfff8000000000000L);
        Object racy = SmileTrees.split(1, new double[] {0, 0, 0, nan, 0, 0}, nan, SmileTrees.leaf(2),
                SmileTrees.split(2, new double[] {0, 0, 0, 0, 0, -0.7}, -3.0, SmileTrees.leaf(3.5), SmileTrees.leaf(4)));
        Object root = SmileTrees.split(0, new double[] {0, 0, 0, 0, 1.3, 0}, 2.0, SmileTrees.leaf(1.25), racy);
        // The same with a NaN of the other sign, and finite normals with a NaN bias (a NaN or infinite value in the
        // first training row of a node makes the intercept, so the bias, NaN).
        Object signed = SmileTrees.split(0, new double[] {0, 0, 0, negativeNaN, 0, 0}, negativeNaN,
                SmileTrees.leaf(1), SmileTrees.leaf(2));
        Object nanBiasUp = SmileTrees.split(0, new double[] {0.8, 0, 0, 0, 0, 0}, nan, SmileTrees.leaf(1),
                SmileTrees.leaf(2));
        Object nanBiasDown = SmileTrees.split(0, new double[] {0, -0.8, 0, 0, 0, 0}, nan, SmileTrees.leaf(1),
                SmileTrees.leaf(2));
        var smile = SmileTrees.forest(2000, 6, SmileTrees.tree(root, 6), SmileTrees.tree(signed, 6),
                SmileTrees.tree(nanBiasUp, 6), SmileTrees.tree(nanBiasDown, 6));
        var flat = FlatIsolationForest.compile(smile);

        double[] failing = {-0.6459249936806196, -0.9811913557284719, 0.3078330487279789, 3.3439252409491074,
                6.752446543176996, 9.94752738997012};
        assertThat(flat.score(failing)).isEqualTo(smile.score(failing));
        // Every NaN split sends the row right: depths 3.5 (right at the NaN split, then left), 2, 2, 2.
        assertThat(flat.score(failing)).isEqualTo(Math.pow(2.0, -(9.5 / 4) / factor(2000)));
        assertSameScores(flat, smile, gaussianRows(2000, 6, 7));
        assertSameScores(flat, FlatIsolationForest.fromBytes(flat.toBytes()), smile, gaussianRows(200, 6, 8));
    }

    private static void assertSameScores(FlatIsolationForest flat, FlatIsolationForest copy, IsolationForest smile,
                                         double[][] rows) {
        assertSameScores(flat, smile, rows);
        assertSameScores(copy, smile, rows);
    }

    /** Smile's normaliser c(n). */
    private static double factor(int n) {
        return 2.0 * (Math.log(n - 1) + 0.5772156649 - (n - 1.0) / n);
    }

    @Test
    @Timeout(60) // a threshold search that walks double by double from b/s never ends when b/s overflows
    void everyKindOfSlopeAndBiasSendsEveryRowTheWaySmileDoes() {
        double negativeNaN = Double.longBitsToDouble(0xfff8000000000000L);
        double[] slopes = {1, -1, 0.3, -0.3, 2.5, -2.5, 1.7976931348623157e300, -3.1e300, 1e-300, -1e-300,
                Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MIN_VALUE, -Double.MIN_VALUE, 4.9e-320, -0.7 * 1e-310,
                0.0, -0.0, Double.NaN, negativeNaN, 0.1, -0.1, 3.0, -3.0};
        double[] biases = {0.0, -0.0, 1, -1, 0.1, -0.1, 1.1, 5e-324, -5e-324, 1e-310, -2.2e-308, Double.MIN_NORMAL,
                Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, negativeNaN, 3.3439252409491074};
        var xs = new ArrayList<Double>();
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
                -Double.MIN_NORMAL, 1, -1, 0.5, -0.5, Double.MAX_VALUE, -Double.MAX_VALUE, 1e300, -1e300, 1e-300,
                -1e-300}) {
            xs.addAll(around(x));
        }
        var random = new Random(11);
        for (int i = 0; i < 50; i++) {
            xs.add(random.nextGaussian() * Math.pow(10, random.nextInt(20) - 10));
        }
        for (double slope : slopes) {
            for (double bias : biases) {
                var smile = oneSplit(slope, bias);
                var flat = FlatIsolationForest.compile(smile);
                var values = new ArrayList<>(xs);
                values.addAll(around(bias / slope));
                values.addAll(around(-bias / slope));
                for (double x : values) {
                    // The other features carry values whose products with the zero components are ±0.
                    double[] row = {-x, x, -0.0};
                    assertThat(flat.score(row)).as("slope %s bias %s x %s", slope, bias, x)
                            .isEqualTo(smile.score(row));
                }
            }
        }
    }

    @Test
    void aZeroNormalCompilesAndAnInfiniteOneIsRejected() {
        for (double bias : new double[] {0.0, 1.0, -1.0}) {
            var smile = SmileTrees.forest(256, 3, SmileTrees.tree(
                    SmileTrees.split(0, new double[3], bias, SmileTrees.leaf(1), SmileTrees.leaf(2)), 3));
            var flat = FlatIsolationForest.compile(smile);
            assertSameScores(flat, smile, gaussianRows(50, 3, 12));
        }
        assertThatThrownBy(() -> FlatIsolationForest.compile(oneSplit(Double.POSITIVE_INFINITY, 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("infinite");
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

package io.energywatch.analytics.drift;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ChiSquare and KolmogorovSmirnov moved from hand-written special functions to commons-math3: the results agree with
 * the hand-written code they replaced (kept here as the reference) to 1e-9 on a grid of inputs.
 */
class CommonsMathEquivalenceTest {

    @Test
    void theChiSquareTailAgreesToOneBillionthRelativeOnAGridOfStatisticsAndDegreesOfFreedom() {
        for (int df = 1; df <= 120; df++) {
            for (double x = 1e-3; x < 2000; x *= 1.15) {
                double before = Reference.chiSquareSurvival(x, df);
                double after = ChiSquare.survival(x, df);
                assertThat(Math.abs(after - before)).as("Q(%s, df %s)", x, df)
                        .isLessThanOrEqualTo(1e-9 * Math.max(before, Double.MIN_NORMAL));
            }
        }
    }

    @Test
    void theHomogeneityStatisticAgreesOnRandomTables() {
        var random = new Random(5);
        for (int table = 0; table < 500; table++) {
            int k = 2 + random.nextInt(20);
            var reference = new HashMap<String, Long>();
            var current = new HashMap<String, Long>();
            for (int i = 0; i < k; i++) {
                reference.put("c" + i, 1L + random.nextInt(1 + random.nextInt(5000)));
                current.put("c" + i, (long) random.nextInt(1 + random.nextInt(5000)));
            }
            double before = Reference.homogeneityStatistic(reference, current);
            ChiSquare.Result after = ChiSquare.homogeneity(reference, current);
            assertThat(Math.abs(after.statistic() - before)).isLessThanOrEqualTo(1e-9 * Math.max(1, before));
            assertThat(after.degreesOfFreedom()).isEqualTo(k - 1);
        }
    }

    @Test
    void theKolmogorovSurvivalAgreesToOneBillionthOnAGridOfLambdas() {
        for (double lambda = 0; lambda < 10; lambda += 0.0005) {
            assertThat(Math.abs(KolmogorovSmirnov.kolmogorovSurvival(lambda) - Reference.kolmogorovSurvival(lambda)))
                    .as("Q(%s)", lambda).isLessThanOrEqualTo(1e-9);
        }
    }

    /** The hand-written code commons-math3 replaced, as it was. */
    private static final class Reference {

        static double homogeneityStatistic(java.util.Map<String, Long> reference, java.util.Map<String, Long> current) {
            long referenceTotal = reference.values().stream().mapToLong(Long::longValue).sum();
            long currentTotal = current.values().stream().mapToLong(Long::longValue).sum();
            double total = referenceTotal + currentTotal;
            double statistic = 0;
            for (String category : new java.util.TreeSet<>(reference.keySet())) {
                long r = reference.getOrDefault(category, 0L);
                long c = current.getOrDefault(category, 0L);
                double column = r + c;
                double expectedR = referenceTotal * column / total;
                double expectedC = currentTotal * column / total;
                statistic += (r - expectedR) * (r - expectedR) / expectedR
                        + (c - expectedC) * (c - expectedC) / expectedC;
            }
            return statistic;
        }

        static double chiSquareSurvival(double x, int df) {
            double a = df / 2.0;
            double half = x / 2.0;
            double logPrefix = a * Math.log(half) - half - logGamma(a);
            if (half < a + 1) {
                double term = 1.0 / a;
                double sum = term;
                for (int n = 1; n < 10_000; n++) {
                    term *= half / (a + n);
                    sum += term;
                    if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                        break;
                    }
                }
                return Math.max(0.0, 1.0 - sum * Math.exp(logPrefix));
            }
            double tiny = 1e-300;
            double b = half + 1 - a;
            double c = 1 / tiny;
            double d = 1 / b;
            double h = d;
            for (int i = 1; i < 10_000; i++) {
                double an = -i * (i - a);
                b += 2;
                d = an * d + b;
                d = Math.abs(d) < tiny ? tiny : d;
                c = b + an / c;
                c = Math.abs(c) < tiny ? tiny : c;
                d = 1 / d;
                double delta = d * c;
                h *= delta;
                if (Math.abs(delta - 1) < 1e-16) {
                    break;
                }
            }
            return Math.exp(logPrefix) * h;
        }

        static double logGamma(double a) {
            double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                    1.5056327351493116e-7};
            double z = a - 1;
            double sum = c[0];
            for (int i = 1; i < c.length; i++) {
                sum += c[i] / (z + i);
            }
            double t = z + 7.5;
            return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
        }

        static double kolmogorovSurvival(double lambda) {
            if (lambda <= 0) {
                return 1.0;
            }
            if (lambda < 1.18) {
                double sum = 0;
                double factor = -Math.PI * Math.PI / (8 * lambda * lambda);
                for (int k = 1; k <= 20; k++) {
                    double odd = 2 * k - 1;
                    double term = Math.exp(odd * odd * factor);
                    sum += term;
                    if (term < 1e-17 * sum) {
                        break;
                    }
                }
                return Math.max(0.0, 1.0 - Math.sqrt(2 * Math.PI) / lambda * sum);
            }
            double sum = 0;
            double sign = 1;
            for (int k = 1; k <= 100; k++) {
                double term = Math.exp(-2.0 * k * k * lambda * lambda);
                sum += sign * term;
                if (term < 1e-17 * Math.abs(sum)) {
                    break;
                }
                sign = -sign;
            }
            return Math.min(1.0, Math.max(0.0, 2 * sum));
        }
    }
}

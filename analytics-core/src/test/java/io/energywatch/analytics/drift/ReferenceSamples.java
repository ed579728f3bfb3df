package io.energywatch.analytics.drift;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/**
 * The fixed samples of {@code drift_reference.py} (test resources), built the same way here: the expected values the
 * tests hold were computed from them by scipy 1.17.1 or by brute-force enumeration in that script.
 */
final class ReferenceSamples {

    static final double[] TINY_A = {1.2, 3.4, 0.5};
    static final double[] TINY_B = {2.2, 4.1, 5.0, 3.9};
    static final double[] UNEQUAL_A = series(25, 37, 101, 50.0, -1.0);
    static final double[] UNEQUAL_B = series(17, 53, 89, 44.0, -0.61);
    static final double[] TIES_A = {1, 2, 2, 3, 3, 3, 4};
    static final double[] TIES_B = {2, 3, 3, 4, 4, 5, 5, 6};
    static final double[] TIES2_A = {0.5, 0.5, 1.0, 1.5, 2.0, 2.0};
    static final double[] TIES2_B = {1.0, 1.0, 1.5, 2.5, 2.5, 0.5, 3.0};
    static final double[] MEDIUM_A = series(60, 7919, 1009, 1009.0, 0.0);
    static final double[] MEDIUM_B = series(45, 104729, 997, 997.0, 0.12);
    static final double[] LARGE_A = series(2000, 7919, 1000, 1000.0, 0.0);
    static final double[] LARGE_B = series(1500, 104729, 997, 997.0, 0.03);
    static final double[] SHIFTED_B = series(1500, 104729, 997, 997.0, 0.09);

    static final double[] PSI_REF = rounded(series(200, 31, 97, 10.0, 0.0), 1);
    static final double[] PSI_CUR = rounded(series(150, 17, 89, 8.0, 2.5), 1);
    static final double[] PSI_TIED_REF = concat(repeat(0.0, 40), repeat(1.0, 40), rounded(series(120, 13, 61, 20.0, 2.0), 2));
    static final double[] PSI_TIED_CUR = concat(repeat(0.0, 10), repeat(1.0, 60), rounded(series(90, 11, 59, 15.0, 2.5), 2));

    private ReferenceSamples() {
    }

    static double[] series(int count, long multiplier, long modulus, double scale, double shift) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = ((i * multiplier) % modulus) / scale + shift;
        }
        return values;
    }

    /** Python's round(): half-even on the exact binary value. */
    static double[] rounded(double[] values, int places) {
        return Arrays.stream(values)
                .map(v -> new BigDecimal(v).setScale(places, RoundingMode.HALF_EVEN).doubleValue()).toArray();
    }

    static double[] repeat(double value, int times) {
        double[] values = new double[times];
        Arrays.fill(values, value);
        return values;
    }

    static double[] concat(double[]... parts) {
        return Arrays.stream(parts).flatMapToDouble(Arrays::stream).toArray();
    }
}

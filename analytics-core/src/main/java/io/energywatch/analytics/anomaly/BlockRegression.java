package io.energywatch.analytics.anomaly;

/**
 * The mean of one block of the local day (say 06:00-12:00) regressed on its day's weather and type over the previous
 * days: mean ≈ a + b·HDD + c·HDD of the day before (buildings lag) + d·CDD + e·Saturday + f·Sunday-or-holiday, by
 * ridge least squares on the last {@code capacity} days learned, each scaled by their average so the ridge means the
 * same for any load. The horizon is long, so a change of a few days does not become the baseline it is measured against.
 * The residual's scale is the robust spread of the leave-one-out residuals: an out-of-sample error without a hold-out.
 */
final class BlockRegression {

    static final int P = 7;
    /** Keeps the system solvable when a regressor is constant (a season without cooling days has no CDD slope). */
    private static final double RIDGE = 1e-3;
    /** Degree days are entered in tens, so their coefficients are of the indicators' size. */
    private static final double DEGREE_DAY_UNIT = 10;
    /** Smallest residual scale, relative to the block's mean: rounding noise is no change. */
    private static final double MIN_SIGMA = 0.002;

    private final double[][] features;
    private final double[] values;
    private int head;
    private int size;
    private final double[][] inverse = new double[P][P];
    private final double[] coefficients = new double[P];
    private double mean;
    private double sigma;

    BlockRegression(int capacity) {
        this.features = new double[capacity][P];
        this.values = new double[capacity];
    }

    /** The regressors of a block: its day's heating and cooling degree days, yesterday's HDD and the day type. */
    static double[] regressors(double hdd, double previousHdd, double cdd, boolean saturday, boolean sundayOrHoliday) {
        double h = hdd / DEGREE_DAY_UNIT;
        return new double[] {1, h, previousHdd / DEGREE_DAY_UNIT, cdd / DEGREE_DAY_UNIT,
                saturday ? 1 : 0, sundayOrHoliday ? 1 : 0, h * h};
    }

    /** Days learned (at most the capacity). */
    int days() {
        return size;
    }

    /**
     * How many robust sigmas {@code value} is above the regression's prediction for {@code x}; NaN without history.
     * The sigma is the prediction's: widened by the leverage of {@code x}, so a day colder than any learned (an
     * extrapolation of a slope fitted on a narrow range) is not taken for a change.
     */
    double z(double[] x, double value) {
        if (size < P + 2 || !fit()) {
            return Double.NaN;
        }
        return (value / mean - dot(coefficients, x)) / (sigma * Math.sqrt(1 + leverage(x)));
    }

    private double leverage(double[] x) {
        double h = 0;
        for (int r = 0; r < P; r++) {
            h += x[r] * dot(inverse[r], x);
        }
        return h;
    }

    /**
     * {@code value} clipped to the prediction for {@code x} ± {@code band} robust sigmas, as last fitted by
     * {@link #z}: a block far from the baseline moves it by the band only, so one incident does not bend the
     * regression, while a lasting misfit (a colder spell than any learned) is still learned, band by band.
     */
    double clipped(double[] x, double value, double band) {
        double predicted = dot(coefficients, x) * mean;
        double width = band * sigma * mean;
        return Math.max(predicted - width, Math.min(predicted + width, value));
    }

    void learn(double[] x, double value) {
        System.arraycopy(x, 0, features[head], 0, P);
        values[head] = value;
        head = (head + 1) % values.length;
        size = Math.min(size + 1, values.length);
    }

    /** Fits the coefficients and the leave-one-out scale on the days learned; false when the system is singular. */
    private boolean fit() {
        mean = 0;
        for (int i = 0; i < size; i++) {
            mean += values[i];
        }
        mean /= size;
        if (!(mean > 0)) {
            return false;
        }
        double[][] a = new double[P][2 * P];
        double[] b = new double[P];
        for (int i = 0; i < size; i++) {
            double[] x = features[i];
            double y = values[i] / mean;
            for (int r = 0; r < P; r++) {
                b[r] += x[r] * y;
                for (int c = 0; c < P; c++) {
                    a[r][c] += x[r] * x[c];
                }
            }
        }
        for (int r = 0; r < P; r++) {
            a[r][r] += r == 0 ? 0 : RIDGE;
            a[r][P + r] = 1;
        }
        if (!invert(a)) {
            return false;
        }
        for (int r = 0; r < P; r++) {
            System.arraycopy(a[r], P, inverse[r], 0, P);
            coefficients[r] = dot(inverse[r], b);
        }
        double[] loo = new double[size];
        for (int i = 0; i < size; i++) {
            double[] x = features[i];
            loo[i] = Math.abs((values[i] / mean - dot(coefficients, x)) / (1 - Math.min(0.99, leverage(x))));
        }
        java.util.Arrays.sort(loo);
        double median = size % 2 == 1 ? loo[size / 2] : (loo[size / 2 - 1] + loo[size / 2]) / 2;
        sigma = Math.max(RollingWindow.MAD_TO_SIGMA * median, MIN_SIGMA);
        return true;
    }

    /** Gauss-Jordan elimination with partial pivoting on [A | I]; the right half becomes A⁻¹. */
    private static boolean invert(double[][] m) {
        for (int col = 0; col < P; col++) {
            int pivot = col;
            for (int r = col + 1; r < P; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) < 1e-12) {
                return false;
            }
            double[] swap = m[col];
            m[col] = m[pivot];
            m[pivot] = swap;
            double d = m[col][col];
            for (int c = 0; c < 2 * P; c++) {
                m[col][c] /= d;
            }
            for (int r = 0; r < P; r++) {
                if (r != col && m[r][col] != 0) {
                    double f = m[r][col];
                    for (int c = 0; c < 2 * P; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        return true;
    }

    private static double dot(double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < P; i++) {
            s += u[i] * v[i];
        }
        return s;
    }
}

package io.energywatch.analytics.anomaly.forest;

import java.util.Arrays;

/**
 * Maps a model's raw scores to the shared calibrated scale [0, 1] with the anomaly threshold at 0.5. The threshold is
 * the training scores' (1 − contamination) quantile; below it the calibrated score is half the training CDF rescaled
 * to reach 0.5 there, above it the raw score rises linearly from 0.5 at the threshold to 1 at the largest possible raw
 * score. So "0.5" means "as unusual as the contamination rate of the reference window".
 *
 * @param knots        sorted quantiles of the training scores (at least two)
 * @param threshold    the raw score at the (1 − contamination) quantile
 * @param contamination the expected share of anomalies in the reference window
 * @param maxRaw       the largest raw score the model can give (1 for Smile's isolation forest)
 */
public record ScoreCalibration(double[] knots, double threshold, double contamination, double maxRaw) {

    private static final int DEFAULT_KNOTS = 1001;

    public ScoreCalibration {
        if (knots.length < 2) {
            throw new IllegalArgumentException("a calibration needs at least two knots");
        }
        if (!(contamination > 0 && contamination < 0.5)) {
            throw new IllegalArgumentException("contamination must be in (0, 0.5), got " + contamination);
        }
        knots = knots.clone();
    }

    /** The calibration of a model from its scores on the training rows. */
    public static ScoreCalibration fit(double[] trainingScores, double contamination, double maxRaw) {
        if (trainingScores.length < 2) {
            throw new IllegalArgumentException("a calibration needs at least two training scores");
        }
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        int k = Math.min(DEFAULT_KNOTS, sorted.length);
        double[] knots = new double[k];
        for (int i = 0; i < k; i++) {
            knots[i] = quantile(sorted, i / (double) (k - 1));
        }
        return new ScoreCalibration(knots, quantile(sorted, 1 - contamination), contamination, maxRaw);
    }

    /** The calibrated score of a raw score. */
    public double calibrate(double raw) {
        if (raw >= threshold) {
            double span = maxRaw - threshold;
            return span <= 0 ? 1.0 : Math.min(1.0, 0.5 + 0.5 * (raw - threshold) / span);
        }
        return 0.5 * Math.min(1.0, cdf(raw) / (1 - contamination));
    }

    /** Share of training scores below {@code raw}, interpolated between knots. */
    double cdf(double raw) {
        if (raw <= knots[0]) {
            return 0;
        }
        if (raw >= knots[knots.length - 1]) {
            return 1;
        }
        int at = Arrays.binarySearch(knots, raw);
        if (at >= 0) {
            // Ties: the last equal knot, so a plateau of equal scores counts as below.
            while (at + 1 < knots.length && knots[at + 1] == raw) {
                at++;
            }
            return at / (double) (knots.length - 1);
        }
        int hi = -at - 1;
        int lo = hi - 1;
        double fraction = (raw - knots[lo]) / (knots[hi] - knots[lo]);
        return (lo + fraction) / (knots.length - 1);
    }

    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lo = (int) Math.floor(position);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (position - lo) * (sorted[hi] - sorted[lo]);
    }
}

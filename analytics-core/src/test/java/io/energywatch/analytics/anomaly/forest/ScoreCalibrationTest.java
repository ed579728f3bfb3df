package io.energywatch.analytics.anomaly.forest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScoreCalibrationTest {

    private static double[] uniformScores() {
        double[] scores = new double[1001];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 0.3 + 0.4 * i / 1000.0; // 0.30 … 0.70
        }
        return scores;
    }

    @Test
    void theContaminationQuantileOfTheTrainingScoresMapsToOneHalf() {
        var calibration = ScoreCalibration.fit(uniformScores(), 0.05, 1.0);
        assertThat(calibration.threshold()).isCloseTo(0.68, within(1e-12));
        assertThat(calibration.calibrate(0.68)).isCloseTo(0.5, within(1e-12));
        // Below: half the training CDF, rescaled: the median (0.5) maps to 0.5 × 0.5 / 0.95.
        assertThat(calibration.calibrate(0.5)).isCloseTo(0.25 / 0.95, within(1e-9));
        // Above: linear from 0.5 at the threshold to 1 at the maximum raw score.
        assertThat(calibration.calibrate(0.84)).isCloseTo(0.75, within(1e-12));
        assertThat(calibration.calibrate(1.0)).isEqualTo(1.0);
        assertThat(calibration.calibrate(0.0)).isZero();
    }

    @Test
    void calibratedScoresRiseWithTheRawScore() {
        var calibration = ScoreCalibration.fit(uniformScores(), 0.01, 1.0);
        double previous = -1;
        for (double raw = 0; raw <= 1.0; raw += 0.001) {
            double c = calibration.calibrate(raw);
            assertThat(c).isBetween(0.0, 1.0).isGreaterThanOrEqualTo(previous);
            previous = c;
        }
    }
}

package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BlockRegressionTest {

    /** A block mean that follows the degree days and the day type, with 1 % noise. */
    private static double load(double hdd, double previousHdd, boolean saturday, double noise) {
        return (1000 + 40 * hdd + 15 * previousHdd - (saturday ? 70 : 0)) * (1 + 0.01 * noise);
    }

    @Test
    void aColdDayFollowsTheDegreeDaysAndAShiftedDayStandsOut() {
        var regression = new BlockRegression(28);
        var random = new Random(3);
        double previous = 10;
        for (int day = 0; day < 28; day++) {
            double hdd = 8 + 6 * random.nextDouble();
            boolean saturday = day % 7 == 5;
            regression.learn(BlockRegression.regressors(hdd, previous, 0, saturday, false),
                    load(hdd, previous, saturday, random.nextGaussian()));
            previous = hdd;
        }
        double[] cold = BlockRegression.regressors(13, 12, 0, false, false);
        assertThat(regression.z(cold, load(13, 12, false, 0))).isBetween(-1.5, 1.5);
        // 12 % above what the weather explains: several sigmas of a 1 % noise.
        assertThat(regression.z(cold, 1.12 * load(13, 12, false, 0))).isGreaterThan(5);
        double[] saturday = BlockRegression.regressors(13, 12, 0, true, false);
        assertThat(regression.z(saturday, load(13, 12, true, 0))).isBetween(-1.5, 1.5);
    }

    @Test
    void aDayFarOutsideTheLearnedWeatherIsWidenedByItsLeverage() {
        var regression = new BlockRegression(28);
        var random = new Random(5);
        for (int day = 0; day < 28; day++) {
            double hdd = 10 + random.nextDouble();
            regression.learn(BlockRegression.regressors(hdd, hdd, 0, false, false),
                    load(hdd, hdd, false, random.nextGaussian()));
        }
        double residual = 0.05 * load(10.5, 10.5, false, 0);
        double inside = regression.z(BlockRegression.regressors(10.5, 10.5, 0, false, false),
                load(10.5, 10.5, false, 0) + residual);
        double outside = regression.z(BlockRegression.regressors(25, 25, 0, false, false),
                load(25, 25, false, 0) + residual);
        assertThat(Math.abs(outside)).isLessThan(Math.abs(inside));
    }

    @Test
    void clippingLimitsWhatOneIncidentTeaches() {
        var regression = new BlockRegression(28);
        for (int day = 0; day < 28; day++) {
            regression.learn(BlockRegression.regressors(10, 10, 0, false, false), 1000 + (day % 2 == 0 ? 5 : -5));
        }
        double[] x = BlockRegression.regressors(10, 10, 0, false, false);
        assertThat(regression.z(x, 1000)).isCloseTo(0, within(0.5));
        assertThat(regression.clipped(x, 2000, 3)).isLessThan(1100);
        assertThat(regression.clipped(x, 1001, 3)).isEqualTo(1001);
    }

    @Test
    void noPredictionBeforeEnoughDays() {
        var regression = new BlockRegression(28);
        regression.learn(BlockRegression.regressors(10, 10, 0, false, false), 1000);
        assertThat(regression.z(BlockRegression.regressors(10, 10, 0, false, false), 1000)).isNaN();
    }
}

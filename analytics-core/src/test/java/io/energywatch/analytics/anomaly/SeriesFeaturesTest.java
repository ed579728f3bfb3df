package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static io.energywatch.analytics.anomaly.SeriesFixtures.PER_DAY;
import static io.energywatch.analytics.anomaly.SeriesFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SeriesFeaturesTest {

    private final DetectorConfig config = DetectorConfig.defaults().withZone(ZoneOffset.UTC);

    @Test
    void aPointsFeaturesDependOnlyOnThePointsBeforeIt() {
        double[] a = SeriesFixtures.dailyLoad(10, 20, 1);
        double[] b = a.clone();
        for (int i = 300; i < b.length; i++) {
            b[i] = b[i] * 3 + 500;
        }
        List<FeatureFrame> framesA = frames(a);
        List<FeatureFrame> framesB = frames(b);
        for (int i = 0; i < 300; i++) {
            assertThat(framesB.get(i).values()).containsExactly(framesA.get(i).values());
            assertThat(Double.compare(framesB.get(i).expected(), framesA.get(i).expected())).isZero();
        }
        assertThat(framesB.get(300).values()).isNotEqualTo(framesA.get(300).values());
    }

    @Test
    void aRepeatingDailyProfileHasAnExpectationFromTheSameTimeOfDay() {
        double[] values = SeriesFixtures.dailyLoad(8, 0, 1);
        List<FeatureFrame> frames = frames(values);
        FeatureFrame lastDayNoon = frames.get(7 * PER_DAY + 24);
        assertThat(lastDayNoon.has(Feature.SEASONAL_RESIDUAL)).isTrue();
        assertThat(lastDayNoon.expected()).isCloseTo(values[7 * PER_DAY + 24], within(1e-9));
        assertThat(lastDayNoon.get(Feature.SEASONAL_RESIDUAL)).isCloseTo(0, within(1e-9));
    }

    @Test
    void theWeatherResidualLearnsTheDegreeDaySensitivityAndIsMissingWithoutWeather() {
        var features = new SeriesFeatures(config);
        FeatureFrame last = null;
        for (int i = 0; i < 400; i++) {
            double hdd = (i * 7) % 15;
            double value = 800 + 25 * hdd + ((i % 3) - 1);
            last = features.next(new Observation(at(i), value, hdd, 0.0, false, false, false));
        }
        assertThat(last.has(Feature.WEATHER_RESIDUAL)).isTrue();
        assertThat(Math.abs(last.get(Feature.WEATHER_RESIDUAL))).isLessThan(3);
        FeatureFrame withoutWeather = features.next(Observation.of(at(400), 900.0));
        assertThat(withoutWeather.has(Feature.WEATHER_RESIDUAL)).isFalse();
        FeatureFrame outlier = features.next(new Observation(at(401), 800 + 25 * 10 + 400.0, 10.0, 0.0, false, false,
                false));
        assertThat(outlier.get(Feature.WEATHER_RESIDUAL)).isGreaterThan(10);
    }

    @Test
    void runLengthCountsConsecutiveIdenticalValuesAndFlagsAreCopied() {
        var features = new SeriesFeatures(config);
        features.next(Observation.of(at(0), 5.0));
        features.next(Observation.of(at(1), 7.0));
        features.next(Observation.of(at(2), 7.0));
        FeatureFrame third = features.next(new Observation(at(3), 7.0, null, null, true, false, true));
        assertThat(third.get(Feature.RUN_LENGTH)).isEqualTo(3);
        assertThat(third.get(Feature.HOLIDAY)).isEqualTo(1);
        assertThat(third.get(Feature.WEEKEND)).isEqualTo(0);
        assertThat(third.get(Feature.STRIKE)).isEqualTo(1);
    }

    @Test
    void aMissingValueYieldsMissingFeaturesAndTeachesNothing() {
        var features = new SeriesFeatures(config);
        features.next(Observation.of(at(0), 5.0));
        FeatureFrame missing = features.next(Observation.of(at(1), null));
        assertThat(missing.has(Feature.VALUE)).isFalse();
        assertThat(features.observed()).isEqualTo(1);
    }

    @Test
    void theGaussianTailQuantileIsTheTextbookValue() {
        assertThat(TailWidening.gaussianAbsQuantile(0.95)).isCloseTo(1.95996, within(1e-4));
        assertThat(TailWidening.gaussianAbsQuantile(0.995)).isCloseTo(2.80703, within(1e-4));
    }

    private List<FeatureFrame> frames(double[] values) {
        var features = new SeriesFeatures(config);
        var frames = new ArrayList<FeatureFrame>();
        for (int i = 0; i < values.length; i++) {
            frames.add(features.next(Observation.of(at(i), values[i])));
        }
        return frames;
    }
}

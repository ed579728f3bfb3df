package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static io.energywatch.analytics.anomaly.SeriesFixtures.PER_DAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consumption configuration's level-scaled profile, day-start widening, unlearned stuck runs, pre-onset memory and
 * clipped seasonal learning.
 */
class ConsumptionConfigTest {

    private final DetectorConfig consumption = DetectorConfig.consumption().withZone(ZoneOffset.UTC);

    /**
     * A load whose daily level moves from day to day like a temperature-driven one (each day × a factor drawn in ±8 %)
     * over a fixed daily shape, with 0.8 % noise per half-hour: what the simulator's regions look like.
     */
    private static double[] levelledLoad(int days, long seed) {
        var random = new Random(seed);
        double[] values = new double[days * PER_DAY];
        double level = 1;
        for (int d = 0; d < days; d++) {
            level = Math.max(0.8, Math.min(1.25, level * (1 + 0.08 * (2 * random.nextDouble() - 1))));
            for (int i = 0; i < PER_DAY; i++) {
                double hour = i / 2.0;
                double shape = 1 + 0.2 * Math.sin((hour - 9) / 24 * 2 * Math.PI);
                values[d * PER_DAY + i] = 5000 * level * shape * (1 + 0.008 * random.nextGaussian());
            }
        }
        return values;
    }

    @Test
    void theProfileFollowsTheDaysLevelSoA25PercentSpikeStandsOutAndTheRestOfTheQuarterStaysQuiet() {
        double[] values = levelledLoad(60, 11);
        int at = 40 * PER_DAY + 22;
        values[at] *= 1.25;
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(consumption), values);

        Detection spike = detections.get(at);
        assertThat(spike.anomaly()).isTrue();
        assertThat(spike.type()).isEqualTo(AnomalyType.SPIKE);
        // The expectation is the day's level, not the weeks' median: within 3 % of the clean value.
        assertThat(spike.expected()).isCloseTo(values[at] / 1.25, org.assertj.core.data.Percentage.withPercentage(3));
        long others = detections.stream().filter(Detection::anomaly).filter(d -> d != spike).count();
        assertThat(others).isLessThanOrEqualTo(2);
    }

    @Test
    void theDefaultsMissTheSameSpikeBecauseTheirWeeklyBaselineIsAsWideAsTheLevelsSwing() {
        double[] values = levelledLoad(60, 11);
        int at = 40 * PER_DAY + 22;
        values[at] *= 1.25;
        Detection spike = SeriesFixtures.run(
                new StreamingDetector(DetectorConfig.defaults().withZone(ZoneOffset.UTC)), values).get(at);
        assertThat(spike.anomaly()).isFalse();
    }

    @Test
    void atTheStartOfADayTheProfileScaleIsWidenedByTheTypicalDayToDayLevelChange() {
        double[] values = levelledLoad(30, 12);
        var features = new SeriesFeatures(consumption);
        double midnight = Double.NaN;
        double noon = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            FeatureFrame frame = features.next(Observation.of(SeriesFixtures.at(i), values[i]));
            if (i == 29 * PER_DAY) {
                midnight = frame.scale() / frame.expected();
            }
            if (i == 29 * PER_DAY + 24) {
                noon = frame.scale() / frame.expected();
            }
        }
        // Noon: half-hour noise only (about 1 %); midnight: yesterday's level still decides, the scale is wider.
        assertThat(noon).isBetween(0.004, 0.02);
        assertThat(midnight).isGreaterThan(1.5 * noon);
    }

    @Test
    void everyStuckRunOfASeriesIsReportedWhileTheDefaultsLearnTheFirstOneAsNormal() {
        double[] values = SeriesFixtures.dailyLoad(30, 20, 13);
        int[] starts = {10 * PER_DAY + 5, 17 * PER_DAY + 30, 24 * PER_DAY + 12};
        for (int from : starts) {
            for (int i = from; i < from + 12; i++) {
                values[i] = values[from];
            }
        }
        List<Detection> consumptionRun = SeriesFixtures.run(new StreamingDetector(consumption), values);
        List<Detection> defaultsRun = SeriesFixtures.run(
                new StreamingDetector(DetectorConfig.defaults().withZone(ZoneOffset.UTC)), values);
        for (int from : starts) {
            assertThat(consumptionRun.subList(from, from + 12))
                    .anySatisfy(d -> assertThat(d.type()).isEqualTo(AnomalyType.STUCK_METER));
        }
        // The defaults: after a 12-row run, the bar is 48 rows, so the second and third are not stuck meters.
        assertThat(defaultsRun.subList(starts[0], starts[0] + 12))
                .anySatisfy(d -> assertThat(d.type()).isEqualTo(AnomalyType.STUCK_METER));
        assertThat(defaultsRun.subList(starts[1], starts[1] + 12)).noneMatch(d -> d.type() == AnomalyType.STUCK_METER);
    }

    /**
     * A weather-driven load (each day's level follows its heating degree days, which swing over 20 days like a
     * season's weather, 0.8 % noise per half-hour) with an 18 % level shift from {@code shiftStart} to
     * {@code shiftEnd}: the detections of every row, run with {@code config}.
     */
    private static List<Detection> shiftedWeatherLoad(DetectorConfig config, int shiftStart, int shiftEnd) {
        var random = new Random(21);
        var detector = new StreamingDetector(config);
        var detections = new java.util.ArrayList<Detection>();
        for (int d = 0; d < 60; d++) {
            double hdd = 10 + 3 * Math.sin(2 * Math.PI * d / 20.0) + 0.5 * random.nextDouble();
            for (int i = 0; i < PER_DAY; i++) {
                int row = d * PER_DAY + i;
                double shape = 1 + 0.2 * Math.sin((i / 2.0 - 9) / 24 * 2 * Math.PI);
                double value = 3000 * (1 + 0.04 * hdd) * shape * (1 + 0.008 * random.nextGaussian());
                if (row >= shiftStart && row < shiftEnd) {
                    value *= 1.18;
                }
                detections.add(detector.next(new Observation(SeriesFixtures.at(row), value, hdd, 0.0, false,
                        false, false)));
            }
        }
        return detections;
    }

    @Test
    void theReturnToThePreOnsetLevelAtTheEndOfALevelShiftIsNotANewAnomaly() {
        int start = 40 * PER_DAY + 36;
        int end = 44 * PER_DAY + 36;
        List<Detection> withMemory = shiftedWeatherLoad(consumption, start, end);
        List<Detection> without = shiftedWeatherLoad(
                consumption.with(new DetectorConfig.Profile(16, 28, Duration.ZERO)), start, end);

        // The onset alarms either way.
        assertThat(withMemory.subList(start, start + 2)).anyMatch(Detection::anomaly);
        assertThat(without.subList(start, start + 2)).anyMatch(Detection::anomaly);
        // Its end: a drop (and then a shift) without the memory; with it, the rows are measured against the level
        // before the onset and nothing is reported.
        assertThat(without.subList(end, end + 16)).anyMatch(Detection::anomaly);
        assertThat(withMemory.subList(end, end + 16)).noneMatch(Detection::anomaly);
        // Measured against the pre-onset level (the shifted one is 18 % higher): within the old regression's error.
        assertThat(withMemory.get(end).expected()).isCloseTo(withMemory.get(end).value(),
                org.assertj.core.data.Percentage.withPercentage(6));
    }

    @Test
    void aDropDuringTheShiftBeyondThePreOnsetLevelIsStillReported() {
        int start = 40 * PER_DAY + 36;
        int end = 44 * PER_DAY + 36;
        int at = 42 * PER_DAY + 24;
        var random = new Random(21);
        var detector = new StreamingDetector(consumption);
        Detection drop = null;
        for (int d = 0; d < 43; d++) {
            double hdd = 10 + 3 * Math.sin(2 * Math.PI * d / 20.0) + 0.5 * random.nextDouble();
            for (int i = 0; i < PER_DAY; i++) {
                int row = d * PER_DAY + i;
                double shape = 1 + 0.2 * Math.sin((i / 2.0 - 9) / 24 * 2 * Math.PI);
                double value = 3000 * (1 + 0.04 * hdd) * shape * (1 + 0.008 * random.nextGaussian());
                if (row >= start && row < end) {
                    value *= 1.18;
                }
                if (row == at) {
                    value *= 0.6;
                }
                Detection detection = detector.next(new Observation(SeriesFixtures.at(row), value, hdd, 0.0, false,
                        false, false));
                if (row == at) {
                    drop = detection;
                }
            }
        }
        assertThat(drop).isNotNull();
        assertThat(drop.anomaly()).isTrue();
        assertThat(drop.type()).isEqualTo(AnomalyType.DROP);
    }

    @Test
    void theDefaultsDoNotRememberPreOnsetLevels() {
        assertThat(DetectorConfig.defaults().profile().preOnsetMemory()).isZero();
        assertThat(consumption.profile().preOnsetMemory()).isEqualTo(Duration.ofDays(7));
        assertThatThrownBy(() -> new DetectorConfig.Profile(16, 28, Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLevelShiftCusumDoesNotAccumulateDuringTheWarmUp() {
        var features = new SeriesFeatures(DetectorConfig.defaults().withZone(ZoneOffset.UTC));
        double[] values = SeriesFixtures.dailyLoad(3, 20, 14);
        for (int i = 0; i < values.length; i++) {
            FeatureFrame frame = features.next(Observation.of(SeriesFixtures.at(i), values[i]));
            if (i < 2 * PER_DAY) {
                assertThat(frame.has(Feature.LEVEL_CUSUM)).as("row %d", i).isFalse();
            }
        }
    }

    /** The consumption detector's rows over a levelled load with a 55 % one-row drop at {@code at}. */
    private static List<Detection> oneOffDrop(DetectorConfig config, int at) {
        double[] values = levelledLoad(70, 31);
        values[at] *= 0.45;
        return SeriesFixtures.run(new StreamingDetector(config), values);
    }

    @Test
    void aOneOffDropIsLearnedByItsSlotOnlyUpToTheAlarmBandSoTheNextWeeksStayQuiet() {
        int at = 30 * PER_DAY + 40;
        List<Detection> clipped = oneOffDrop(consumption, at);
        List<Detection> unclipped = oneOffDrop(
                consumption.with(new DetectorConfig.Seasonal(6, 7, 3, 2, 1.5, 0, Duration.ZERO)), at);
        assertThat(clipped.get(at).type()).isEqualTo(AnomalyType.DROP);
        assertThat(unclipped.get(at).type()).isEqualTo(AnomalyType.DROP);
        var sameSlotClipped = new java.util.ArrayList<Detection>();
        var sameSlotUnclipped = new java.util.ArrayList<Detection>();
        for (int week = 1; week <= 5; week++) {
            sameSlotClipped.add(clipped.get(at + week * 7 * PER_DAY));
            sameSlotUnclipped.add(unclipped.get(at + week * 7 * PER_DAY));
        }
        // Unclipped, the 55 % drop moves its slot's weekly median down a rank, and three weeks later the same
        // half-hour is an ordinary value over 7 sigmas above the bent expectation: a wrong spike.
        assertThat(sameSlotUnclipped).anySatisfy(d -> {
            assertThat(d.anomaly()).isTrue();
            assertThat(d.type()).isEqualTo(AnomalyType.SPIKE);
        });
        // Clipped to the alarm band, the slot stays within a few sigmas of the clean level.
        assertThat(sameSlotClipped).allSatisfy(d -> {
            assertThat(d.anomaly()).isFalse();
            assertThat(Math.abs(d.features().residualZ())).isLessThan(4);
        });
    }

    @Test
    void onlyTheConsumptionConfigurationClipsWhatItsSeasonalBaselineLearns() {
        assertThat(DetectorConfig.defaults().seasonal().clipZ()).isZero();
        assertThat(consumption.seasonal().clipZ()).isEqualTo(consumption.alarm().z());
        assertThatThrownBy(() -> new DetectorConfig.Seasonal(6, 7, 3, 2, 1.5, -1, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void newComponentsAreValidated() {
        assertThatThrownBy(() -> withProfile(2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withProfile(16, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(withProfile(16, 28).profile().window()).isEqualTo(16);
        assertThat(DetectorConfig.consumption().timing().warmup()).isEqualTo(Duration.ofDays(3));
    }

    private static DetectorConfig withProfile(int window, int jumpDays) {
        return DetectorConfig.consumption().with(new DetectorConfig.Profile(window, jumpDays, Duration.ofDays(7)));
    }
}

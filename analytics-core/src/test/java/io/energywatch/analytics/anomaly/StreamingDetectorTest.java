package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

import static io.energywatch.analytics.anomaly.SeriesFixtures.PER_DAY;
import static org.assertj.core.api.Assertions.assertThat;

class StreamingDetectorTest {

    private final DetectorConfig config = DetectorConfig.defaults().withZone(ZoneOffset.UTC);

    @Test
    void theWarmUpScoresNothingAndANormalSeriesRaisesNoAlarm() {
        double[] values = SeriesFixtures.dailyLoad(14, 20, 3);
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(config), values);
        assertThat(detections.subList(0, 2 * PER_DAY)).allSatisfy(d -> {
            assertThat(d.warmingUp()).isTrue();
            assertThat(d.score()).isZero();
        });
        assertThat(detections.subList(2 * PER_DAY, values.length)).noneMatch(Detection::warmingUp);
        assertThat(detections.stream().filter(Detection::anomaly).count()).isLessThanOrEqualTo(2);
    }

    @Test
    void aSpikeIsFlaggedWithItsTypeExpectedRangeContributionsAndRecommendation() {
        double[] values = SeriesFixtures.dailyLoad(12, 20, 4);
        int at = 10 * PER_DAY + 20;
        values[at] += 600;
        Detection spike = SeriesFixtures.run(new StreamingDetector(config), values).get(at);
        assertThat(spike.anomaly()).isTrue();
        assertThat(spike.type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(spike.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
        assertThat(spike.expectedHigh()).isLessThan(values[at]);
        assertThat(spike.expectedLow()).isLessThan(spike.expected()).isLessThan(spike.expectedHigh());
        assertThat(spike.expected()).isBetween(values[at] - 700, values[at] - 500);
        assertThat(spike.contributions()).isNotEmpty();
        assertThat(spike.contributions().getFirst().feature())
                .isIn(Feature.SEASONAL_RESIDUAL.key(), Feature.ROLLING_Z.key(), Feature.DELTA.key());
        assertThat(spike.contributions().stream().mapToDouble(c -> c.contribution()).sum()).isBetween(0.5, 1.0001);
        assertThat(spike.recommendation()).isEqualTo(AnomalyAdvice.recommendation(AnomalyType.SPIKE));
    }

    @Test
    void aDropIsFlaggedAsADrop() {
        double[] values = SeriesFixtures.dailyLoad(12, 20, 5);
        int at = 10 * PER_DAY + 30;
        values[at] -= 600;
        Detection drop = SeriesFixtures.run(new StreamingDetector(config), values).get(at);
        assertThat(drop.anomaly()).isTrue();
        assertThat(drop.type()).isEqualTo(AnomalyType.DROP);
        assertThat(drop.expectedLow()).isGreaterThan(values[at]);
    }

    @Test
    void aMeterRepeatingTheSameReadingIsAStuckMeter() {
        double[] values = SeriesFixtures.dailyLoad(12, 20, 6);
        int from = 10 * PER_DAY + 2;
        for (int i = from; i < from + 16; i++) {
            values[i] = values[from];
        }
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(config), values);
        assertThat(detections.subList(from, from + 16))
                .anySatisfy(d -> {
                    assertThat(d.anomaly()).isTrue();
                    assertThat(d.type()).isEqualTo(AnomalyType.STUCK_METER);
                });
        assertThat(detections.subList(0, from)).noneMatch(d -> d.type() == AnomalyType.STUCK_METER);
    }

    @Test
    void aLastingStepIsReportedAtItsOnsetAndThenClassifiedAsALevelShift() {
        double[] values = SeriesFixtures.dailyLoad(14, 20, 7);
        int from = 10 * PER_DAY;
        for (int i = from; i < values.length; i++) {
            values[i] += 300;
        }
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(config), values);
        List<Detection> alarms = detections.subList(from, values.length).stream().filter(Detection::anomaly).toList();
        assertThat(alarms).isNotEmpty();
        assertThat(alarms.getFirst().timestamp()).isEqualTo(SeriesFixtures.at(from));
        assertThat(alarms.getFirst().type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(alarms).anySatisfy(d -> assertThat(d.type()).isEqualTo(AnomalyType.LEVEL_SHIFT));
        // The episode is reported, not every one of its rows.
        assertThat(alarms.size()).isLessThan(20);
        assertThat(detections.subList(from + 1, from + 6))
                .allSatisfy(d -> assertThat(d.score()).isLessThan(d.strength()));
    }

    @Test
    void aSlowRiseOfTheLongTermLevelIsAGradualDrift() {
        double[] values = SeriesFixtures.dailyLoad(40, 10, 8);
        int from = 20 * PER_DAY;
        for (int i = from; i < values.length; i++) {
            values[i] += 40.0 * (i - from) / PER_DAY;
        }
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(config), values);
        assertThat(detections.subList(0, from)).noneMatch(d -> d.type() == AnomalyType.GRADUAL_DRIFT);
        assertThat(detections.subList(from, values.length))
                .anySatisfy(d -> assertThat(d.type()).isEqualTo(AnomalyType.GRADUAL_DRIFT));
    }

    @Test
    void aMissingValueIsNeitherScoredNorLearned() {
        var detector = new StreamingDetector(config);
        Detection d = detector.next(Observation.of(SeriesFixtures.at(0), null));
        assertThat(d.anomaly()).isFalse();
        assertThat(d.score()).isZero();
        assertThat(d.warmingUp()).isFalse();
    }

    @Test
    void scoresOfAPrefixDoNotDependOnWhatFollows() {
        double[] a = SeriesFixtures.dailyLoad(8, 20, 9);
        double[] b = a.clone();
        b[7 * PER_DAY] = 10_000;
        List<Detection> da = SeriesFixtures.run(new StreamingDetector(config), a);
        List<Detection> db = SeriesFixtures.run(new StreamingDetector(config), b);
        for (int i = 0; i < 7 * PER_DAY; i++) {
            assertThat(db.get(i).score()).isEqualTo(da.get(i).score());
        }
        assertThat(db.get(7 * PER_DAY).anomaly()).isTrue();
    }

    @Test
    void aGroupModelScoreIsCombinedAsTheLargerOfTheTwo() {
        double[] values = SeriesFixtures.dailyLoad(6, 20, 10);
        List<Detection> detections = SeriesFixtures.run(new StreamingDetector(config, frame -> 0.9), values);
        Detection last = detections.getLast();
        assertThat(last.forestScore()).isEqualTo(0.9);
        assertThat(last.score()).isEqualTo(Math.max(0.9, last.streamingScore()));
        assertThat(last.anomaly()).isTrue();
        assertThat(last.severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aLongStuckRunIsReportedAtItsOnsetAndNotAgainOnEveryRow() {
        double[] values = SeriesFixtures.dailyLoad(14, 20, 6);
        int from = 10 * PER_DAY + 2;
        int length = 2 * PER_DAY;
        for (int i = from; i < from + length; i++) {
            values[i] = values[from];
        }
        List<Detection> once = SeriesFixtures.run(new StreamingDetector(config), values).subList(from, from + length);
        List<Detection> escalating = SeriesFixtures.run(new StreamingDetector(config.with(
                new DetectorConfig.Stuck(6, 4.0, 0, false))), values).subList(from, from + length);

        assertThat(once).filteredOn(Detection::anomaly).hasSize(1)
                .allSatisfy(d -> assertThat(d.type()).isEqualTo(AnomalyType.STUCK_METER));
        // Without it, the growing stuck component escalates past the damping and alarms on most of the run's rows.
        assertThat(escalating.stream().filter(Detection::anomaly).count()).isGreaterThan(length / 2);
    }

    @Test
    void sparseSpikesBecomingDenserRaiseASpikeDensityAlarm() {
        // Isolated spikes of the same height every 100 rows, then three within 11 rows: each spike alone is no
        // bigger than the series' usual ones, but the density is new.
        int rows = 4000;
        double[] values = new double[rows];
        for (int i = 0; i < rows; i += 100) {
            values[i] = 20;
        }
        int burst = 3005;
        values[burst] = 20;
        values[burst + 5] = 20;
        var densityOff = config.with(new DetectorConfig.Density(0, 4.0));
        List<Detection> on = fiveMinutes(new StreamingDetector(config), values);
        List<Detection> off = fiveMinutes(new StreamingDetector(densityOff), values);

        assertThat(on.get(burst + 5).score()).isGreaterThanOrEqualTo(0.5);
        assertThat(on.get(burst + 5).type()).isEqualTo(AnomalyType.SPIKE);
        assertThat(off.get(burst + 5).score()).isLessThan(0.5);
        // Before the burst, the density record is never beaten.
        assertThat(on.subList(1200, burst)).allSatisfy(d -> assertThat(d.score()).isLessThan(0.5));
    }

    @Test
    void aMissingDailyRiseIsFlaggedWhenTheRollingScaleIsNarrowButTheDailyBaselineExplainsTheSeries() {
        // A 5-minute series at 20 with a daily plateau at 80 from 09:00 to 17:00; on day 11 the plateau is missing.
        // The rolling spread is narrow on the flat part of the day, but the rolling median misses every rise.
        var random = new Random(3);
        int perDay = 288;
        double[] values = new double[14 * perDay];
        for (int i = 0; i < values.length; i++) {
            int slot = i % perDay;
            boolean plateau = slot >= 108 && slot < 204 && i / perDay != 11;
            values[i] = (plateau ? 80 : 20) + 2 * random.nextGaussian();
        }
        int missingRise = 11 * perDay + 108;
        var scalesOnly = config.with(new DetectorConfig.Seasonal(6, 7, 3, 2, 0, 0, Duration.ofDays(1)));
        List<Detection> preferred = fiveMinutes(new StreamingDetector(config), values);
        List<Detection> compared = fiveMinutes(new StreamingDetector(scalesOnly), values);

        assertThat(preferred.subList(missingRise, missingRise + 6)).anySatisfy(d -> {
            assertThat(d.anomaly()).isTrue();
            assertThat(d.type()).isEqualTo(AnomalyType.DROP);
            assertThat(d.expected()).isGreaterThan(70);
        });
        assertThat(compared.subList(missingRise, missingRise + 6)).noneMatch(Detection::anomaly);
    }

    @Test
    void aDayLongIncidentIsNotLearnedAsTheNextDaysNormal() {
        // The baseline remembers only yesterday, so whatever it learns on the incident day is tomorrow's expectation.
        var shortMemory = config.with(new DetectorConfig.Seasonal(6, 1, 3, 1, 1.5, 0, Duration.ofDays(1)));
        double[] values = SeriesFixtures.dailyLoad(8, 5, 9);
        int incident = 5 * PER_DAY;
        for (int i = incident; i < incident + PER_DAY; i++) {
            values[i] += 400;
        }
        List<Detection> held = SeriesFixtures.run(new StreamingDetector(shortMemory), values);
        List<Detection> learned = SeriesFixtures.run(new StreamingDetector(shortMemory.with(
                new DetectorConfig.Seasonal(6, 1, 3, 1, 1.5, 0, Duration.ZERO))), values);

        assertThat(held.get(incident).anomaly()).isTrue();
        // The next day's seasonal residuals are measured against the day before the incident when it was held out,
        // and against the incident itself (about 400 MW too high) when it was learned.
        int probe = incident + PER_DAY + 4;
        double heldResidual = held.get(probe).features().get(Feature.SEASONAL_RESIDUAL);
        double learnedResidual = learned.get(probe).features().get(Feature.SEASONAL_RESIDUAL);
        assertThat(Math.abs(heldResidual)).isLessThan(5);
        assertThat(learnedResidual).isLessThan(-10);
    }

    private static List<Detection> fiveMinutes(StreamingDetector detector, double[] values) {
        var detections = new java.util.ArrayList<Detection>(values.length);
        for (int i = 0; i < values.length; i++) {
            detections.add(detector.next(Observation.of(SeriesFixtures.START.plus(Duration.ofMinutes(5L * i)),
                    values[i])));
        }
        return detections;
    }
}

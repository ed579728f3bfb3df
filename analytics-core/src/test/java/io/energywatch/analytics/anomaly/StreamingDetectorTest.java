package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;

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
}

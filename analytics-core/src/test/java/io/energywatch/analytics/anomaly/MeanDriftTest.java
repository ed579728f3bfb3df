package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MeanDriftTest {

    private static MeanDrift hourly() {
        var clock = new SeriesClock(new DetectorConfig.Timing(ZoneOffset.UTC, 60, 5, 0, Duration.ZERO));
        var drift = new MeanDrift(new DetectorConfig.Drift(Duration.ofHours(6), Duration.ofDays(4), 4.0), clock);
        drift.start();
        return drift;
    }

    @Test
    void theDriftIsUnknownUntilALongHalfLifeOfRowsAndZeroForAStationarySeries() {
        var drift = hourly();
        assertThat(drift.longMean()).isNaN();
        long row = 0;
        for (; row < 95; row++) {
            drift.learn(100 + (row % 2), row);
        }
        assertThat(drift.z(0.001, row)).isNaN();
        for (; row < 400; row++) {
            drift.learn(100 + (row % 2), row);
        }
        assertThat(drift.longMean()).isBetween(100.0, 101.0);
        assertThat(Math.abs(drift.z(0.001, row))).isLessThan(3);
    }

    @Test
    void aRampPullsTheShortMeanAwayFromTheLongOne() {
        var drift = hourly();
        long row = 0;
        for (; row < 400; row++) {
            drift.learn(100 + (row % 2), row);
        }
        for (int i = 0; i < 48; i++, row++) {
            drift.learn(100 + i, row);
        }
        assertThat(drift.z(0.001, row)).isGreaterThan(4);
    }
}

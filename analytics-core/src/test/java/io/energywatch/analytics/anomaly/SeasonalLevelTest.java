package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SeasonalLevelTest {

    private static final DetectorConfig.Seasonal CONFIG = new DetectorConfig.Seasonal(6, 7, 3, 2, 1.5, 3.0,
            Duration.ofDays(1));
    private static final SeriesClock.Position NOON = new SeriesClock.Position(0, 2, 12);

    @Test
    void thereIsNoExpectationBeforeTheSlotsStartOrWhileASlotIsYoung() {
        var level = new SeasonalLevel(CONFIG, 64);
        assertThat(level.expected(NOON)).isNaN();
        level.learn(100, 100, Double.NaN, NOON, false);
        assertThat(level.expected(NOON)).isNaN();

        level.start(24);
        level.learn(100, 100, Double.NaN, NOON, false);
        assertThat(level.expected(NOON)).isNaN();
        level.learn(110, 110, Double.NaN, NOON, false);
        assertThat(level.expected(NOON)).isEqualTo(105.0);
        assertThat(level.scale(0.1)).isNaN();
    }

    @Test
    void aHeldRowIsNotLearnedByAFormedSlotButItsResidualIs() {
        var level = new SeasonalLevel(CONFIG, 64);
        level.start(24);
        level.learn(100, 100, Double.NaN, NOON, false);
        level.learn(100, 100, Double.NaN, NOON, false);
        double expected = level.expected(NOON);
        level.learn(900, 900, expected, NOON, true);
        assertThat(level.expected(NOON)).isEqualTo(100.0);
        assertThat(level.meanAbsResidual()).isEqualTo(800.0);
        level.learn(900, 900, expected, NOON, false);
        assertThat(level.expected(NOON)).isEqualTo(100.0); // median of 100, 100, 900
    }

    @Test
    void whatTheBaselineLearnsIsClippedToTheBandOnlyWhenAsked() {
        var level = new SeasonalLevel(CONFIG, 64);
        assertThat(level.learnable(900, 100, 10, true)).isEqualTo(130.0);
        assertThat(level.learnable(-900, 100, 10, true)).isEqualTo(70.0);
        assertThat(level.learnable(900, 100, 10, false)).isEqualTo(900.0);
        var unclipped = new SeasonalLevel(new DetectorConfig.Seasonal(6, 7, 3, 2, 1.5, 0, Duration.ZERO), 64);
        assertThat(unclipped.learnable(900, 100, 10, true)).isEqualTo(900.0);
    }
}

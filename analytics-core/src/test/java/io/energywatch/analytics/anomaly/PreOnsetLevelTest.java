package io.energywatch.analytics.anomaly;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class PreOnsetLevelTest {

    private static final double[] FLAT_WEATHER = {1, 0, 0};
    private static final long DAY = 86_400;

    @Test
    void afterAnOnsetARowNearerToTheOldLevelIsMeasuredAgainstIt() {
        var memory = new PreOnsetLevel(Duration.ofDays(7), 7, 16);
        memory.startRow();
        memory.nearer(1.0, 100, 100, 2, 100, 100, 0, 0, 0, 10);
        memory.episodeOpened(0, 10, FLAT_WEATHER);
        // The profile followed a shift to 1.2; a row back at the old level is measured against it.
        memory.startRow();
        assertThat(memory.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, DAY, 60)).isEqualTo(100.0);
        // A row at the shifted level keeps the shifted expectation.
        memory.startRow();
        assertThat(memory.nearer(1.2, 119, 120, 2, 100, 100, 0, 0, DAY, 61)).isEqualTo(120.0);
    }

    @Test
    void theLevelIsForgottenOnceExpiredOrOnceTheProfileIsBack() {
        var memory = new PreOnsetLevel(Duration.ofDays(7), 7, 16);
        memory.nearer(1.0, 100, 100, 2, 100, 100, 0, 0, 0, 10);
        memory.episodeOpened(0, 10, FLAT_WEATHER);
        assertThat(memory.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, 8 * DAY, 60)).isEqualTo(120.0);
        assertThat(memory.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, 8 * DAY, 61)).isEqualTo(120.0);

        var back = new PreOnsetLevel(Duration.ofDays(7), 7, 16);
        back.nearer(1.0, 100, 100, 2, 100, 100, 0, 0, 0, 10);
        back.episodeOpened(0, 10, FLAT_WEATHER);
        // The profile is back within half an alarm (7 × 2 / 2 = 7 at level 100) and the row is nearer to it.
        assertThat(back.nearer(1.0, 103, 103, 2, 100, 100, 0, 0, DAY, 30)).isEqualTo(103.0);
        assertThat(back.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, DAY, 31)).isEqualTo(120.0);
    }

    @Test
    void nothingIsRememberedWhenOffOrWhenTheOnsetRowHadNoWeatherRelativeLevel() {
        var off = new PreOnsetLevel(Duration.ZERO, 7, 16);
        assertThat(off.on()).isFalse();
        off.nearer(1.0, 100, 100, 2, 100, 100, 0, 0, 0, 10);
        off.episodeOpened(0, 10, FLAT_WEATHER);
        assertThat(off.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, DAY, 60)).isEqualTo(120.0);

        var noLevel = new PreOnsetLevel(Duration.ofDays(7), 7, 16);
        noLevel.startRow();
        noLevel.episodeOpened(0, 10, FLAT_WEATHER);
        assertThat(noLevel.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, DAY, 60)).isEqualTo(120.0);
    }

    @Test
    void aLevelRememberedForASlowChangeOutlivesThePassingProfileUntilTheChangeCloses() {
        var memory = new PreOnsetLevel(Duration.ofDays(7), 7, 16);
        memory.nearer(1.0, 100, 100, 2, 100, 100, 0, 0, 0, 10);
        PreOnsetLevel.Snapshot before = memory.snapshot(FLAT_WEATHER);
        memory.changeFound(before, DAY, 50);
        // The drift's profile passes within half an alarm of the remembered level: it is kept all the same.
        assertThat(memory.nearer(1.03, 104, 103, 2, 100, 100, 0, 0, DAY, 70)).isEqualTo(103.0);
        // At the drift's end the return to the old level is measured against it.
        assertThat(memory.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, 2 * DAY, 200)).isEqualTo(100.0);
        // Once the change is closed, the profile back near the level forgets it as an alarm's would.
        memory.changeClosed();
        assertThat(memory.nearer(1.03, 104, 103, 2, 100, 100, 0, 0, 3 * DAY, 300)).isEqualTo(103.0);
        assertThat(memory.nearer(1.2, 101, 120, 2, 100, 100, 0, 0, 3 * DAY, 301)).isEqualTo(120.0);
    }
}

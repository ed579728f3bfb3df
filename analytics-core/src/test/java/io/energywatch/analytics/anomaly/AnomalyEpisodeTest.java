package io.energywatch.analytics.anomaly;

import io.energywatch.contracts.AnomalyType;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AnomalyEpisodeTest {

    private static final long HOUR = 3600;

    /** Alarm z 5, episodes halving every 6 hours, escalation 1.5, rows kept out of the baseline for up to a day. */
    private static AnomalyEpisode episode() {
        DetectorConfig base = DetectorConfig.defaults();
        return new AnomalyEpisode(base.with(new DetectorConfig.Episode(Duration.ofHours(6), 1.5, 0.3)));
    }

    @Test
    void theFirstAlarmOpensAnEpisodeAndSmallerRowsOfTheSameKindInsideItAreNotFresh() {
        var episode = episode();
        assertThat(episode.next(0, 2, null, -1, 0)).isEqualTo(new AnomalyEpisode.Verdict(true, false));
        assertThat(episode.next(HOUR, 8, AnomalyType.SPIKE, -1, 0))
                .isEqualTo(new AnomalyEpisode.Verdict(true, true));
        assertThat(episode.next(2 * HOUR, 9, AnomalyType.SPIKE, -1, 0))
                .isEqualTo(new AnomalyEpisode.Verdict(false, false));
        // Clearly larger than the (faded) episode: fresh again, but the episode was already open.
        assertThat(episode.next(3 * HOUR, 14, AnomalyType.SPIKE, -1, 0))
                .isEqualTo(new AnomalyEpisode.Verdict(true, false));
    }

    @Test
    void aNewPersistentKindIsFreshAndAFadedEpisodeOpensAnew() {
        var episode = episode();
        episode.next(0, 10, AnomalyType.SPIKE, -1, 0);
        assertThat(episode.next(HOUR, 6, AnomalyType.LEVEL_SHIFT, -1, 0).fresh()).isTrue();
        assertThat(episode.next(2 * HOUR, 6, AnomalyType.LEVEL_SHIFT, -1, 0).fresh()).isFalse();
        // Two days later the episode has faded below the alarm z: the same kind opens a new one.
        assertThat(episode.next(50 * HOUR, 6, AnomalyType.LEVEL_SHIFT, -1, 0))
                .isEqualTo(new AnomalyEpisode.Verdict(true, true));
    }

    @Test
    void rowsAreKeptOutOfTheBaselineWhileAnEpisodeIsOpenAndYoungerThanTheHold() {
        var episode = episode();
        assertThat(episode.holdsBaseline(0)).isFalse();
        episode.next(0, 20, AnomalyType.DROP, -1, 0);
        assertThat(episode.holdsBaseline(HOUR)).isTrue();
        assertThat(episode.holdsBaseline(13 * HOUR)).isFalse(); // 20 halved twice is below 5
        assertThat(episode.holdsBaseline(25 * HOUR)).isFalse();
    }

    @Test
    void aReportedStuckRunDoesNotGrowPastItsReportedSize() {
        var episode = episode();
        episode.next(0, 6, AnomalyType.STUCK_METER, 40, 6);
        assertThat(episode.capStuck(40, 9)).isEqualTo(6.0);
        assertThat(episode.capStuck(41, 9)).isEqualTo(9.0);
    }
}

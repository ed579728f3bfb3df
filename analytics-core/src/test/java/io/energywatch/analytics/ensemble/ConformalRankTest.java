package io.energywatch.analytics.ensemble;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ConformalRankTest {

    @Test
    void theTailProbabilityIsTheRankAmongTheRememberedScores() {
        var rank = new ConformalRank(10, 1);
        for (int i = 1; i <= 9; i++) {
            rank.add(i);
        }
        // 9 remembered: 5..9 are at or above 5, so (1 + 5) / 10.
        assertThat(rank.tailProbability(5)).isCloseTo(0.6, within(1e-12));
        assertThat(rank.tailProbability(0)).isCloseTo(1.0, within(1e-12));
        assertThat(rank.tailProbability(9)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void aScoreBeyondEveryRememberedOneStillOrdersByHowFarItBeatsTheLargest() {
        var rank = new ConformalRank(10, 1);
        for (int i = 1; i <= 9; i++) {
            rank.add(i);
        }
        assertThat(rank.tailProbability(18)).isCloseTo(0.1 * 9 / 18, within(1e-12));
        assertThat(rank.tailProbability(90)).isLessThan(rank.tailProbability(18));
    }

    @Test
    void theOldestScoreIsForgottenOnceFullAndRepeatedScoresRankTogether() {
        var rank = new ConformalRank(3, 1);
        rank.add(100);
        rank.add(2);
        rank.add(2);
        rank.add(2);
        assertThat(rank.size()).isEqualTo(3);
        // 100 is forgotten: 50 beats every remembered score.
        assertThat(rank.tailProbability(50)).isCloseTo(0.25 * 2 / 50, within(1e-12));
        assertThat(rank.tailProbability(2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void noEvidenceBeforeEnoughScoresOrForAMissingOne() {
        var rank = new ConformalRank(10, 5);
        rank.add(1);
        rank.add(Double.NaN);
        assertThat(rank.size()).isEqualTo(1);
        assertThat(rank.tailProbability(1000)).isEqualTo(1.0);
        assertThatThrownBy(() -> new ConformalRank(3, 4)).hasMessageContaining("minSamples 4");
    }
}

package io.energywatch.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExpandingWindowSplitsTest {

    @Test
    void eachFoldTrainsOnEverythingBeforeItsValidationBlock() {
        assertThat(ExpandingWindowSplits.of(100, 3)).containsExactly(
                new ExpandingWindowSplits.Split(25, 50),
                new ExpandingWindowSplits.Split(50, 75),
                new ExpandingWindowSplits.Split(75, 100));
    }

    @Test
    void theLastValidationBlockTakesTheRemainder() {
        assertThat(ExpandingWindowSplits.of(10, 2)).containsExactly(
                new ExpandingWindowSplits.Split(3, 6),
                new ExpandingWindowSplits.Split(6, 10));
    }

    @Test
    void tooFewRowsForTheFoldsAreRefused() {
        assertThatThrownBy(() -> ExpandingWindowSplits.of(3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}

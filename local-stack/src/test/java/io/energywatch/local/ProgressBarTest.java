package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest {

    @Test
    void drawsTheKnownPercentageWithCountsAndRate() {
        var job = new IngestionJob("j1", "RUNNING", "consumption", null, "upload", 12_345L, 12_000L, 345L, 0L,
                50.0, 2_500.4, List.of(), null, null, null);

        assertThat(new ProgressBar(10).render(job))
                .isEqualTo("[#####.....]  50.0%  RUNNING   12,345 read, 12,000 accepted, 345 rejected, 2,500 rec/s");
    }

    @Test
    void anUnknownProgressShowsQuestionMarks() {
        var job = new IngestionJob("j1", "QUEUED", null, null, null, null, null, null, null, null, null, null, null,
                null, null);

        assertThat(new ProgressBar(4).render(job))
                .isEqualTo("[????]    ?    QUEUED    ? read, ? accepted, ? rejected, ? rec/s");
    }
}

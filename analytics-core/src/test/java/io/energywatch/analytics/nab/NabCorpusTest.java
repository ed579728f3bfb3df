package io.energywatch.analytics.nab;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads the real NAB copy in ../shared/datasets, because the window-to-row mapping must hold for its timestamps. */
class NabCorpusTest {

    @Test
    void theSharedCorpusHasItsTwentySevenSeriesFiftyThreeWindowsAndThreeProfiles() {
        String datasets = System.getProperty("energywatch.datasets");
        assumeTrue(datasets != null && Files.isDirectory(Path.of(datasets, "nab")),
                "NAB corpus not found: set energywatch.datasets to the shared datasets directory");
        Path nab = Path.of(datasets, "nab");
        List<NabSeries> corpus = NabCorpus.read(nab);
        assertThat(corpus).hasSize(27);
        assertThat(corpus.stream().mapToInt(s -> s.windows().size()).sum()).isEqualTo(53);
        NabSeries jumpsUp = corpus.stream().filter(s -> s.name().endsWith("art_daily_jumpsup.csv")).findFirst()
                .orElseThrow();
        assertThat(jumpsUp.rows()).isEqualTo(4032);
        assertThat(jumpsUp.windows()).containsExactly(new NabWindow(2787, 3189));
        assertThat(NabCostProfile.read(nab.resolve("profiles.json"))).containsExactlyInAnyOrder(
                NabCostProfile.STANDARD, NabCostProfile.REWARD_LOW_FP_RATE, NabCostProfile.REWARD_LOW_FN_RATE);
    }
}

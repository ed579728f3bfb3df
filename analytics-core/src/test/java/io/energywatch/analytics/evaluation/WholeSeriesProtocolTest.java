package io.energywatch.analytics.evaluation;

import io.energywatch.analytics.nab.NabCorpus;
import io.energywatch.analytics.nab.NabCostProfile;
import io.energywatch.analytics.nab.NabScorer;
import io.energywatch.analytics.nab.NabSeries;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The protocol's fast check of {@code /detect}'s default (CAD OSE over the series' range) on the NAB files of the
 * datasets folder: the leave-one-category-out scores docs/evaluation.md reports, under NAB's swept threshold and under
 * the product's fixed anomaly level, to the hundredth. About ten seconds.
 */
class WholeSeriesProtocolTest {

    @Test
    void theDefaultDetectorScoresAsDocumentedOnTheHeldOutCategories() {
        String datasets = System.getProperty("energywatch.datasets");
        assumeTrue(datasets != null && Files.isDirectory(Path.of(datasets, "nab", "data")),
                "NAB corpus not found: set energywatch.datasets to the shared datasets directory");
        Path nab = Path.of(datasets, "nab");
        List<NabSeries> corpus = NabCorpus.read(nab);
        NabCostProfile standard = NabCostProfile.read(nab.resolve("profiles.json")).stream()
                .filter(p -> p.name().equals("standard")).findFirst().orElseThrow();
        var grid = List.of(DetectorProtocolEvaluation.wholeSeries());
        var scores = LeaveOneCategoryOut.scoreAll(corpus, grid);

        var swept = new LeaveOneCategoryOut(new NabScorer()).evaluate(corpus, scores, standard);
        assertThat(swept.heldOutScore()).as("held-out, threshold swept on the other categories")
                .isCloseTo(71.69, within(0.005));
        assertThat(swept.inSample().normalized()).as("in-sample").isCloseTo(73.43, within(0.005));

        var fixed = new LeaveOneCategoryOut(new NabScorer(), LeaveOneCategoryOut.ThresholdRule.fixedAt(0.5))
                .evaluate(corpus, scores, standard);
        assertThat(fixed.heldOutScore()).as("at the product's anomaly level 0.5").isCloseTo(73.32, within(0.005));
    }
}

package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.DriftAnalysis;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Locale;

/**
 * PSI over few current values is biased upwards (about (bins − 1) / n for data that did not move: 0.32 for 28 daily
 * rows), so on a small sample PSI alone would report moderate drift, and trigger a retraining, by chance. Below
 * {@code minRows} present values a feature keeps a status above SLIGHT only when its corrected KS or chi-square test
 * also rejects; the summary says so when it was capped. Daily models (one row per day) are the usual case.
 */
final class SmallSampleGuard {

    private final long minRows;
    private final double alpha;

    SmallSampleGuard(long minRows, double alpha) {
        this.minRows = minRows;
        this.alpha = alpha;
    }

    DriftAnalysis apply(DriftAnalysis analysis) {
        var features = new ArrayList<FeatureDrift>(analysis.features().size());
        boolean changed = false;
        for (FeatureDrift f : analysis.features()) {
            boolean rejected = f.pValueAdjusted() != null && f.pValueAdjusted() < alpha;
            if (f.currentCount() < minRows && !rejected && f.status().compareTo(DriftStatus.SLIGHT) > 0) {
                features.add(capped(f));
                changed = true;
            } else {
                features.add(f);
            }
        }
        if (!changed) {
            return analysis;
        }
        DriftStatus overall = features.stream().map(FeatureDrift::status).max(Comparator.naturalOrder())
                .orElse(DriftStatus.STABLE);
        return new DriftAnalysis(overall, analysis.correction(), analysis.thresholds(), analysis.currentRows(),
                features);
    }

    private FeatureDrift capped(FeatureDrift f) {
        // The sentence ends with the PSI level ("..., significant"): it is replaced, not contradicted.
        String level = ", " + f.status().name().toLowerCase(Locale.ROOT);
        String sentence = f.summary().endsWith(level)
                ? f.summary().substring(0, f.summary().length() - level.length()) : f.summary();
        String note = String.format(Locale.ROOT, ", slight (PSI alone over %d current values, under %d, with a test"
                + " that does not reject)", f.currentCount(), minRows);
        return new FeatureDrift(f.feature(), f.kind(), f.referenceCount(), f.currentCount(), f.currentMissing(),
                f.psi(), f.ksStatistic(), f.ksMethod(), f.chiSquare(), f.chiSquareDegreesOfFreedom(), f.pValue(),
                f.pValueAdjusted(), f.referenceMean(), f.currentMean(), f.referenceQuantiles(), f.currentQuantiles(),
                DriftStatus.SLIGHT, sentence + note);
    }
}

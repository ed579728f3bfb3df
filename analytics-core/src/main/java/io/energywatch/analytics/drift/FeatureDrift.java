package io.energywatch.analytics.drift;

import io.energywatch.contracts.DriftStatus;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * The drift of one feature, as a report shows it: PSI, the test of the feature's kind (KS for numeric, chi-square for
 * categorical) with its p-value before and after correction, the reference and current quantiles, and one sentence.
 *
 * @param referenceQuantiles the reference's quantile bin edges (the 10%, 20%, … quantiles with 10 bins)
 * @param currentQuantiles   the current window's quantiles at the same probabilities
 * @param pValue             the KS or chi-square p-value before correction
 * @param pValueAdjusted     after the report's correction
 */
public record FeatureDrift(
        String feature,
        Kind kind,
        long referenceCount,
        long currentCount,
        long currentMissing,
        double psi,
        @Nullable Double ksStatistic,
        KolmogorovSmirnov.@Nullable Method ksMethod,
        @Nullable Double chiSquare,
        @Nullable Integer chiSquareDegreesOfFreedom,
        @Nullable Double pValue,
        @Nullable Double pValueAdjusted,
        @Nullable Double referenceMean,
        @Nullable Double currentMean,
        List<Double> referenceQuantiles,
        List<Double> currentQuantiles,
        DriftStatus status,
        String summary) {

    public FeatureDrift {
        referenceQuantiles = List.copyOf(referenceQuantiles);
        currentQuantiles = List.copyOf(currentQuantiles);
    }

    public enum Kind {
        NUMERIC, CATEGORICAL
    }
}

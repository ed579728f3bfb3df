package io.energywatch.analytics.drift;

import io.energywatch.contracts.DriftStatus;

import java.util.Comparator;
import java.util.List;

/** The outcome of comparing a current window with reference profiles: per feature, and overall (the worst feature). */
public record DriftAnalysis(DriftStatus overallStatus, Correction correction, DriftThresholds thresholds,
                            long currentRows, List<FeatureDrift> features) {

    public DriftAnalysis {
        features = List.copyOf(features);
    }

    static DriftStatus worst(List<FeatureDrift> features) {
        return features.stream().map(FeatureDrift::status).max(Comparator.naturalOrder()).orElse(DriftStatus.STABLE);
    }
}

package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.RecommendedAction;
import io.energywatch.drift.reports.RecommendedAction.Action;
import io.energywatch.drift.window.EnrichedFeatures;
import io.energywatch.drift.window.WindowScope;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a report asks people to do, most urgent first: RETRAIN the model when its inputs drifted moderately or more
 * (the same rule that publishes DriftDetected); CHECK_SOURCE the weather feed of the model's area when weather features
 * drifted that far or go missing (a broken feed and a heat wave look alike to the model; a person tells them apart),
 * and the consumption source when the measured load itself moved; INVESTIGATE_FEATURE for the most drifted features.
 */
final class RecommendedActions {

    private static final String NO_CURRENT_VALUES = ": no current values";

    private final double missingShare;
    private final int maxFeatures;

    RecommendedActions(DriftProperties.Actions settings) {
        this.missingShare = settings.missingShare();
        this.maxFeatures = settings.maxFeatures();
    }

    List<RecommendedAction> of(String modelId, @Nullable WindowScope scope, DriftStatus overall,
                               List<FeatureDrift> features, List<String> skipped) {
        var drifted = features.stream().filter(f -> atLeastModerate(f.status()))
                .sorted(Comparator.comparingDouble(FeatureDrift::psi).reversed()).toList();
        var actions = new ArrayList<RecommendedAction>();
        if (atLeastModerate(overall)) {
            actions.add(new RecommendedAction(Action.RETRAIN, modelId, "inputs drifted " + word(overall) + ": "
                    + drifted.stream().limit(3).map(f -> f.feature() + " (PSI " + psi(f) + ")")
                    .collect(Collectors.joining(", "))));
        }
        sourceCheck("weather:" + area(scope), EnrichedFeatures.WEATHER, features, skipped).ifPresent(actions::add);
        sourceCheck("consumption:" + (scope == null ? "*" : part(scope.carrier()) + ":" + part(scope.area()) + ":"
                + part(scope.source())), EnrichedFeatures.CONSUMPTION, features, skipped).ifPresent(actions::add);
        drifted.stream().limit(maxFeatures).forEach(f -> actions.add(new RecommendedAction(Action.INVESTIGATE_FEATURE,
                f.feature(), f.summary())));
        return List.copyOf(actions);
    }

    /** One action for a source when some of its features drifted moderately or more, or are (mostly) missing. */
    private Optional<RecommendedAction> sourceCheck(String target, Set<String> sourceFeatures,
                                                              List<FeatureDrift> features, List<String> skipped) {
        var reasons = new ArrayList<String>();
        for (FeatureDrift f : features) {
            if (!sourceFeatures.contains(f.feature())) {
                continue;
            }
            long total = f.currentCount() + f.currentMissing();
            double missing = total == 0 ? 0 : f.currentMissing() / (double) total;
            if (missing > missingShare) {
                reasons.add(String.format(Locale.ROOT, "%s missing in %.0f%% of current rows", f.feature(),
                        100 * missing));
            } else if (atLeastModerate(f.status())) {
                reasons.add(f.summary());
            }
        }
        for (String s : skipped) {
            String feature = s.substring(0, Math.max(0, s.indexOf(':')));
            if (s.endsWith(NO_CURRENT_VALUES) && sourceFeatures.contains(feature)) {
                reasons.add(feature + " has no current values");
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(
                new RecommendedAction(Action.CHECK_SOURCE, target, String.join("; ", reasons)));
    }

    private static String area(@Nullable WindowScope scope) {
        return scope == null || scope.area() == null ? "*" : scope.area();
    }

    private static String part(@Nullable String value) {
        return value == null ? "*" : value;
    }

    private static boolean atLeastModerate(DriftStatus status) {
        return status.compareTo(DriftStatus.MODERATE) >= 0;
    }

    private static String word(DriftStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String psi(FeatureDrift f) {
        return String.format(Locale.ROOT, "%.2f", f.psi());
    }
}

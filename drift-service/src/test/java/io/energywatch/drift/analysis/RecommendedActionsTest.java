package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.reports.RecommendedAction;
import io.energywatch.drift.reports.RecommendedAction.Action;
import io.energywatch.drift.window.WindowScope;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a report recommends follows from its features: retrain, check a source, investigate a feature. */
class RecommendedActionsTest {

    private static final WindowScope FR = new WindowScope("electricity", "FR", "odre", null, true);
    private final RecommendedActions actions = new RecommendedActions(new DriftProperties.Actions(0.2, 2));

    @Test
    void moderateDriftAsksToRetrainTheModelAndToLookAtTheDriftedFeaturesAndTheirSources() {
        var found = actions.of("forecast.fr", FR, DriftStatus.SIGNIFICANT, List.of(
                drift("tempMeanC", 0.9, DriftStatus.SIGNIFICANT, 0, "tempMeanC is 6.0 °C warmer"),
                drift("energyMwh", 0.3, DriftStatus.MODERATE, 0, "energyMwh is 12% lower"),
                drift("dayLengthMin", 0.4, DriftStatus.MODERATE, 0, "dayLengthMin is longer"),
                drift("windKmh", 0.05, DriftStatus.STABLE, 0, "windKmh is stable")), List.of());

        assertThat(found).extracting(RecommendedAction::action, RecommendedAction::target).containsExactly(
                tuple(Action.RETRAIN, "forecast.fr"),
                tuple(Action.CHECK_SOURCE, "weather:FR"),
                tuple(Action.CHECK_SOURCE, "consumption:electricity:FR:odre"),
                tuple(Action.INVESTIGATE_FEATURE, "tempMeanC"),
                tuple(Action.INVESTIGATE_FEATURE, "dayLengthMin"));
        assertThat(found.getFirst().reason()).isEqualTo(
                "inputs drifted significant: tempMeanC (PSI 0.90), dayLengthMin (PSI 0.40), energyMwh (PSI 0.30)");
        assertThat(found.get(1).reason()).isEqualTo("tempMeanC is 6.0 °C warmer");
        assertThat(found.get(3).reason()).isEqualTo("tempMeanC is 6.0 °C warmer");
    }

    @Test
    void missingWeatherPointsAtTheWeatherFeedEvenWithoutDrift() {
        var found = actions.of("anomaly-forest.electricity.sim.PT1H",
                new WindowScope("electricity", null, "sim", "PT1H", false), DriftStatus.STABLE,
                List.of(drift("tempMeanC", 0.02, DriftStatus.STABLE, 400, "stable")),
                List.of("tempMaxC: no current values", "seasonal_residual_z: not observed in the current data"));

        assertThat(found).containsExactly(new RecommendedAction(Action.CHECK_SOURCE, "weather:*",
                "tempMeanC missing in 40% of current rows; tempMaxC has no current values"));
    }

    @Test
    void aStableReportRecommendsNothing() {
        assertThat(actions.of("m", WindowScope.ALL, DriftStatus.SLIGHT,
                List.of(drift("tempMeanC", 0.15, DriftStatus.SLIGHT, 0, "slightly warmer")), List.of())).isEmpty();
    }

    private static FeatureDrift drift(String feature, double psi, DriftStatus status, long missing, String summary) {
        return new FeatureDrift(feature, FeatureDrift.Kind.NUMERIC, 1_000, 1_000 - missing, missing, psi, 0.3, null,
                null, null, 1e-6, 1e-5, 10.0, 12.0, List.of(), List.of(), status, summary);
    }
}

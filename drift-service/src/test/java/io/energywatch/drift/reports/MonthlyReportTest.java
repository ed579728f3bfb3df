package io.energywatch.drift.reports;

import io.energywatch.analytics.drift.Correction;
import io.energywatch.analytics.drift.DriftThresholds;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A month of reports summarised per model: runs, worst status, most drifted features, recommended actions. */
class MonthlyReportTest {

    private static final Instant MARCH = Instant.parse("2024-03-01T00:00:00Z");

    @Test
    void eachModelShowsItsRunsWorstStatusTopFeaturesAndActions() {
        var retrain = new RecommendedAction(RecommendedAction.Action.RETRAIN, "forecast.fr", "inputs drifted");
        var reports = List.of(
                report("r1", "forecast.fr", DriftStatus.STABLE, List.of(feature("tempMeanC", 0.05, DriftStatus.STABLE)),
                        List.of()),
                report("r2", "forecast.fr", DriftStatus.SIGNIFICANT, List.of(feature("tempMeanC", 0.8,
                        DriftStatus.SIGNIFICANT), feature("energyMwh", 0.3, DriftStatus.MODERATE)), List.of(retrain)),
                report("r3", "forecast.fr", DriftStatus.MODERATE, List.of(feature("tempMeanC", 0.4,
                        DriftStatus.MODERATE)), List.of(retrain)),
                report("r4", "anomaly-forest.gas.sim.PT1H", DriftStatus.STABLE, List.of(), List.of()));

        var month = MonthlyReport.of(YearMonth.of(2024, 3), MARCH, MARCH.plusSeconds(31 * 86_400), MARCH, reports, 1);

        assertThat(month.runs()).isEqualTo(4);
        assertThat(month.runsByStatus()).containsEntry(DriftStatus.STABLE, 2L).containsEntry(DriftStatus.MODERATE, 1L)
                .containsEntry(DriftStatus.SIGNIFICANT, 1L);
        var forecaster = month.models().getFirst();
        assertThat(forecaster.modelId()).isEqualTo("forecast.fr");
        assertThat(forecaster.runs()).isEqualTo(3);
        assertThat(forecaster.worstStatus()).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(forecaster.worstReportId()).isEqualTo("r2");
        assertThat(forecaster.eventsPublished()).isEqualTo(2);
        assertThat(forecaster.topFeatures()).containsExactly(new MonthlyReport.FeatureMonth("tempMeanC", 0.8,
                DriftStatus.SIGNIFICANT, 2, "tempMeanC at 0.8"));
        assertThat(forecaster.actions()).containsExactly(new MonthlyReport.ActionMonth(RecommendedAction.Action.RETRAIN,
                "forecast.fr", 2, "inputs drifted"));
        assertThat(month.models().get(1).worstStatus()).isEqualTo(DriftStatus.STABLE);
    }

    private static DriftReport report(String id, String model, DriftStatus status, List<FeatureDrift> features,
                                      List<RecommendedAction> actions) {
        return new DriftReport(id, model, "1", DriftReport.Trigger.SCHEDULED_LIGHT, MARCH, MARCH.plusSeconds(86_400),
                MARCH, status, Correction.HOLM, DriftThresholds.defaults(), 48, features, List.of(),
                status.compareTo(DriftStatus.MODERATE) >= 0, false, 3, "*:*:*:*", actions, List.of());
    }

    private static FeatureDrift feature(String name, double psi, DriftStatus status) {
        return new FeatureDrift(name, FeatureDrift.Kind.NUMERIC, 500, 48, 0, psi, 0.2, null, null, null, 0.01, 0.02,
                10.0, 11.0, List.of(), List.of(), status, name + " at " + psi);
    }
}

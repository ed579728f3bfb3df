package io.energywatch.drift.analysis;

import io.energywatch.analytics.drift.Correction;
import io.energywatch.analytics.drift.DriftAnalysis;
import io.energywatch.analytics.drift.DriftThresholds;
import io.energywatch.analytics.drift.FeatureDrift;
import io.energywatch.contracts.DriftStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** On few current values PSI alone raises a feature no higher than SLIGHT; a rejecting test keeps its level. */
class SmallSampleGuardTest {

    private final SmallSampleGuard guard = new SmallSampleGuard(200, 0.05);

    @Test
    void aHighPsiOnTwentyFourValuesWithoutARejectingTestIsCappedAndTheOverallFollows() {
        var noise = feature("value", 24, 0.88, 1.0, DriftStatus.SIGNIFICANT,
                "value is 1.2 lower than during training; PSI 0.88, KS p 1.0000 after Holm, significant");
        var analysis = guard.apply(analysis(DriftStatus.SIGNIFICANT, noise));

        assertThat(analysis.overallStatus()).isEqualTo(DriftStatus.SLIGHT);
        assertThat(analysis.features().getFirst().status()).isEqualTo(DriftStatus.SLIGHT);
        assertThat(analysis.features().getFirst().summary()).isEqualTo("value is 1.2 lower than during training;"
                + " PSI 0.88, KS p 1.0000 after Holm, slight (PSI alone over 24 current values, under 200, with a"
                + " test that does not reject)");
    }

    @Test
    void aRejectingTestOrEnoughValuesKeepTheLevel() {
        var shifted = feature("tempMeanC", 24, 2.4, 1e-9, DriftStatus.SIGNIFICANT, "warmer, significant");
        var many = feature("value", 5_000, 0.3, 0.2, DriftStatus.MODERATE, "lower, moderate");
        var analysis = analysis(DriftStatus.SIGNIFICANT, shifted, many);

        assertThat(guard.apply(analysis)).isSameAs(analysis);
    }

    private static DriftAnalysis analysis(DriftStatus overall, FeatureDrift... features) {
        return new DriftAnalysis(overall, Correction.HOLM, DriftThresholds.defaults(), 24, List.of(features));
    }

    private static FeatureDrift feature(String name, long count, double psi, double adjusted, DriftStatus status,
                                        String summary) {
        return new FeatureDrift(name, FeatureDrift.Kind.NUMERIC, 3_000, count, 0, psi, 0.1, null, null, null, adjusted,
                adjusted, 10.0, 10.1, List.of(), List.of(), status, summary);
    }
}

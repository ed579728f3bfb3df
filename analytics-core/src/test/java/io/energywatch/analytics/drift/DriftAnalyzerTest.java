package io.energywatch.analytics.drift;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.contracts.DriftStatus;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.energywatch.analytics.drift.ReferenceSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The analyser end to end on fixed samples: statistics, correction, status and sentences. */
class DriftAnalyzerTest {

    private static DriftAnalyzer analyzer(long exactLimit) {
        var defaults = DriftAnalyzer.Settings.defaults();
        return new DriftAnalyzer(new DriftAnalyzer.Settings(defaults.thresholds(), Correction.HOLM, exactLimit,
                defaults.quantileSampleSize()));
    }

    private static CurrentWindow numeric(String feature, double[] column) {
        return new CurrentWindow(column.length, Map.of(feature, column), Map.of());
    }

    @Test
    void theOnePassStatisticOverReservoirIntervalsEqualsTheSortedTwoSampleStatistic() {
        var profile = FeatureProfile.numeric("x", LARGE_A, 10, 5_000, 7L);

        var feature = analyzer(0).analyse(List.of(profile), numeric("x", LARGE_B)).features().getFirst();

        assertThat(feature.ksMethod()).isEqualTo(KolmogorovSmirnov.Method.ASYMPTOTIC);
        assertThat(feature.ksStatistic()).isCloseTo(0.030666666666666665, within(1e-12));
        assertThat(feature.pValue()).isCloseTo(0.39049329399750937, within(1e-6));
    }

    @Test
    void theOnePassStatisticHandlesTiesBetweenTheSamples() {
        var profile = FeatureProfile.numeric("x", TIES_A, 10, 100, 7L);

        var onePass = analyzer(0).analyse(List.of(profile), numeric("x", TIES_B)).features().getFirst();
        var exact = analyzer(KolmogorovSmirnov.DEFAULT_EXACT_LIMIT).analyse(List.of(profile), numeric("x", TIES_B))
                .features().getFirst();

        assertThat(onePass.ksStatistic()).isCloseTo(0.48214285714285715, within(1e-12));
        assertThat(exact.ksMethod()).isEqualTo(KolmogorovSmirnov.Method.EXACT);
        assertThat(exact.ksStatistic()).isCloseTo(0.48214285714285715, within(1e-12));
        assertThat(exact.pValue()).isCloseTo(0.17482517482517482, within(1e-6));
    }

    @Test
    void theGridLookupFindsTheSameReservoirIntervalAsABinarySearchIncludingTiesAndOutliers() {
        var random = new Random(3);
        double[] reference = random.doubles(2_000).map(v -> Math.round(v * 300) / 10.0).toArray();
        var distribution = new ReferenceDistribution(FeatureProfile.numeric("x", reference, 10, 2_000, 1L));
        int mismatches = 0;
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextDouble() * 34 - 2;
            v = i % 3 == 0 ? Math.round(v * 10) / 10.0 : v;
            if (distribution.distinctIndex(v) != ReferenceDistribution.lowerBound(distribution.distinct, v)) {
                mismatches++;
            }
        }

        assertThat(distribution.distinct.length).isGreaterThan(250).isLessThan(302);
        assertThat(mismatches).isZero();
    }

    @Test
    void aWarmerWindowDriftsSignificantlyWhileAStableFeatureAndCategoryDoNot() {
        var random = new Random(11);
        double[] trainingTemp = new double[5_000];
        double[] trainingLoad = new double[5_000];
        var trainingDays = new ArrayList<String>();
        for (int i = 0; i < trainingTemp.length; i++) {
            trainingTemp[i] = 11 + 4 * random.nextGaussian();
            trainingLoad[i] = 50_000 + 5_000 * random.nextGaussian();
            trainingDays.add(i % 7 < 5 ? "weekday" : "weekend");
        }
        double[] currentTemp = new double[2_000];
        double[] currentLoad = new double[2_000];
        var currentDays = new ArrayList<String>();
        for (int i = 0; i < currentTemp.length; i++) {
            currentTemp[i] = 14 + 4 * random.nextGaussian();
            currentLoad[i] = 50_000 + 5_000 * random.nextGaussian();
            currentDays.add(i % 7 < 5 ? "weekday" : "weekend");
        }
        var profiles = List.of(FeatureProfile.numeric("tempMeanC", trainingTemp, 10, 1_000, 3L),
                FeatureProfile.numeric("powerMw", trainingLoad, 10, 1_000, 3L),
                FeatureProfile.categorical("dayType", trainingDays));
        var window = new CurrentWindow(2_000, Map.of("tempMeanC", currentTemp, "powerMw", currentLoad),
                Map.of("dayType", currentDays));

        var analysis = new DriftAnalyzer(DriftAnalyzer.Settings.defaults()).analyse(profiles, window);

        assertThat(analysis.overallStatus()).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(analysis.correction()).isEqualTo(Correction.HOLM);
        var temp = analysis.features().get(0);
        assertThat(temp.status()).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(temp.psi()).isGreaterThan(0.5);
        assertThat(temp.pValueAdjusted()).isLessThan(1e-10);
        assertThat(temp.currentQuantiles().get(4) - temp.referenceQuantiles().get(4)).isCloseTo(3.0, within(0.5));
        assertThat(temp.summary()).matches("tempMeanC is 3\\.\\d °C warmer than during training; PSI 0\\.\\d\\d, KS p "
                + ".* after Holm, significant");
        var load = analysis.features().get(1);
        assertThat(load.status()).isEqualTo(DriftStatus.STABLE);
        assertThat(load.pValueAdjusted()).isGreaterThanOrEqualTo(load.pValue());
        assertThat(load.summary()).contains(" MW ");
        var days = analysis.features().get(2);
        assertThat(days.kind()).isEqualTo(FeatureDrift.Kind.CATEGORICAL);
        assertThat(days.chiSquareDegreesOfFreedom()).isEqualTo(1);
        assertThat(days.status()).isEqualTo(DriftStatus.STABLE);
    }

    @Test
    void statusFollowsTheSeedReportsPsiBandsAndATestRejectionRaisesStableToSlight() {
        var thresholds = DriftThresholds.defaults();

        assertThat(thresholds.of(0.09, 0.5)).isEqualTo(DriftStatus.STABLE);
        assertThat(thresholds.of(0.1, 0.5)).isEqualTo(DriftStatus.SLIGHT);
        assertThat(thresholds.of(0.31, 0.5)).isEqualTo(DriftStatus.MODERATE);
        assertThat(thresholds.of(0.5, 0.5)).isEqualTo(DriftStatus.SIGNIFICANT);
        assertThat(thresholds.of(0.02, 0.01)).isEqualTo(DriftStatus.SLIGHT);
        assertThat(thresholds.of(0.3, 0.01)).isEqualTo(DriftStatus.MODERATE);
    }

    @Test
    void theSentenceNamesTheShiftInTheFeaturesUnit() {
        assertThat(DriftSentence.numeric("TMoy", 11.0, 14.1, 0.31, null, Correction.HOLM, DriftStatus.MODERATE))
                .isEqualTo("TMoy is 3.1 °C warmer than during training; PSI 0.31, moderate");
        assertThat(DriftSentence.numeric("energyMwh", 1200, 1000, 0.12, 0.0004, Correction.BONFERRONI,
                DriftStatus.SLIGHT))
                .isEqualTo("energyMwh is 200 MWh lower than during training; PSI 0.12, KS p 0.0004 after Bonferroni, slight");
    }
}

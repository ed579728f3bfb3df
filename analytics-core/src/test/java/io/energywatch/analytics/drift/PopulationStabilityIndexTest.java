package io.energywatch.analytics.drift;

import io.energywatch.analytics.registry.FeatureProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.energywatch.analytics.drift.ReferenceSamples.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** PSI on the reference profile's quantile bins, against drift_reference.py, to 1e-6. */
class PopulationStabilityIndexTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void psiOnTheProfilesQuantileBinsMatchesTheReferenceWithEmptyCurrentBinsSmoothed() {
        var profile = FeatureProfile.numeric("tempMeanC", PSI_REF, 10, 500, 1L);
        long[] current = new ReferenceDistribution(profile).scan(PSI_CUR).bins;

        assertThat(profile.quantileCounts()).containsExactly(21L, 20L, 21L, 19L, 20L, 21L, 19L, 20L, 20L, 19L);
        assertThat(current).containsExactly(0, 0, 7, 12, 14, 13, 12, 14, 14, 64);
        assertThat(PopulationStabilityIndex.ofCounts(toArray(profile), current, 1e-4))
                .isCloseTo(1.9753891808375204, within(TOLERANCE));
    }

    @Test
    void heavilyTiedReferencesLeaveEmptyBinsThatAreSmoothedOnBothSides() {
        var profile = FeatureProfile.numeric("x", PSI_TIED_REF, 10, 500, 1L);
        long[] current = new ReferenceDistribution(profile).scan(PSI_TIED_CUR).bins;

        assertThat(profile.quantileCounts()).containsExactly(40L, 40L, 0L, 2L, 20L, 20L, 20L, 19L, 21L, 18L);
        assertThat(current).containsExactly(10, 60, 0, 0, 2, 11, 12, 11, 12, 42);
        assertThat(PopulationStabilityIndex.ofCounts(toArray(profile), current, 1e-4))
                .isCloseTo(0.7196178582790971, within(TOLERANCE));
    }

    @Test
    void categoricalPsiRunsOverTheUnionOfCategories() {
        var reference = Map.of("a", 50L, "b", 30L, "c", 20L);
        var current = Map.of("a", 40L, "b", 45L, "c", 10L, "d", 5L);

        assertThat(PopulationStabilityIndex.ofCategories(reference, current, 1e-4))
                .isCloseTo(0.4625577835149075, within(TOLERANCE));
    }

    @Test
    void theSameDistributionHasZeroPsi() {
        assertThat(PopulationStabilityIndex.ofCounts(new long[]{10, 20, 30}, new long[]{20, 40, 60}, 1e-4))
                .isCloseTo(0.0, within(1e-15));
    }

    private static long[] toArray(FeatureProfile profile) {
        return profile.quantileCounts().stream().mapToLong(Long::longValue).toArray();
    }
}

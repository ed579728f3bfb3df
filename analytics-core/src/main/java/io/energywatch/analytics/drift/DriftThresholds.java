package io.energywatch.analytics.drift;

import io.energywatch.contracts.DriftStatus;

import java.util.Objects;

/**
 * When a feature counts as drifted. PSI sets the level (seed report: &lt; 0.1 stable, &lt; 0.25 slight, &lt; 0.5
 * moderate, ≥ 0.5 significant); a KS or chi-square rejection at {@code alpha} after correction raises the level to at
 * least {@code testRejectionFloor}. The floor defaults to SLIGHT because over large windows a test rejects shifts too
 * small to matter to a model; setting it to MODERATE makes a rejection alone trigger a challenger.
 *
 * @param epsilon smoothing of empty PSI bins
 */
public record DriftThresholds(double psiSlight, double psiModerate, double psiSignificant, double alpha,
                              DriftStatus testRejectionFloor, double epsilon) {

    public DriftThresholds {
        Objects.requireNonNull(testRejectionFloor, "testRejectionFloor");
        if (!(0 < psiSlight && psiSlight < psiModerate && psiModerate < psiSignificant)) {
            throw new IllegalArgumentException("PSI thresholds must increase: " + psiSlight + ", " + psiModerate + ", "
                    + psiSignificant);
        }
        if (!(alpha > 0 && alpha < 1) || !(epsilon > 0 && epsilon < 0.01)) {
            throw new IllegalArgumentException("alpha must be in (0, 1) and epsilon in (0, 0.01)");
        }
    }

    public static DriftThresholds defaults() {
        return new DriftThresholds(0.1, 0.25, 0.5, 0.05, DriftStatus.SLIGHT, PopulationStabilityIndex.DEFAULT_EPSILON);
    }

    public DriftStatus ofPsi(double psi) {
        if (psi >= psiSignificant) {
            return DriftStatus.SIGNIFICANT;
        }
        if (psi >= psiModerate) {
            return DriftStatus.MODERATE;
        }
        return psi >= psiSlight ? DriftStatus.SLIGHT : DriftStatus.STABLE;
    }

    /** The level of a feature from its PSI and its corrected test p-value (null when no test ran). */
    public DriftStatus of(double psi, Double adjustedPValue) {
        DriftStatus byPsi = ofPsi(psi);
        if (adjustedPValue != null && adjustedPValue < alpha && byPsi.compareTo(testRejectionFloor) < 0) {
            return testRejectionFloor;
        }
        return byPsi;
    }
}

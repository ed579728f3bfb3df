package io.energywatch.ingestion.simulator;

import java.util.Objects;

/**
 * How big and how long injected anomalies are. Relative magnitudes are fractions of the clean value (0.4 = 40 %); they
 * are drawn within the ranges, with a random sign for level shifts and drifts.
 *
 * @param spikeSteps            half-hours a spike lasts
 * @param spikeMagnitude        relative rise of a spike
 * @param dropSteps             half-hours a drop lasts
 * @param dropMagnitude         relative fall of a drop (positive numbers; applied downwards)
 * @param stuckSteps            half-hours a meter repeats one value (at least six)
 * @param levelShiftDays        days a level shift lasts
 * @param levelShiftMagnitude   relative size of a level shift
 * @param driftDays             days a gradual drift lasts
 * @param driftMagnitude        relative deviation a drift reaches on its last half-hour
 * @param cleanDaysBetween      clean local days kept between two anomalies of one region, so daily labels never merge
 * @param maxPlacementAttempts  random placements tried per anomaly before the request is declared too dense
 */
public record AnomalyShapes(IntRange spikeSteps, Range spikeMagnitude, IntRange dropSteps, Range dropMagnitude,
                            IntRange stuckSteps, IntRange levelShiftDays, Range levelShiftMagnitude, IntRange driftDays,
                            Range driftMagnitude, int cleanDaysBetween, int maxPlacementAttempts) {

    public AnomalyShapes {
        Objects.requireNonNull(spikeSteps, "spikeSteps");
        Objects.requireNonNull(spikeMagnitude, "spikeMagnitude");
        Objects.requireNonNull(dropSteps, "dropSteps");
        Objects.requireNonNull(dropMagnitude, "dropMagnitude");
        Objects.requireNonNull(stuckSteps, "stuckSteps");
        Objects.requireNonNull(levelShiftDays, "levelShiftDays");
        Objects.requireNonNull(levelShiftMagnitude, "levelShiftMagnitude");
        Objects.requireNonNull(driftDays, "driftDays");
        Objects.requireNonNull(driftMagnitude, "driftMagnitude");
        if (spikeSteps.min() < 1 || dropSteps.min() < 1 || levelShiftDays.min() < 1 || driftDays.min() < 1) {
            throw new IllegalArgumentException("anomalies last at least one step");
        }
        if (stuckSteps.min() < 6) {
            throw new IllegalArgumentException("a stuck meter repeats its value for at least six half-hours");
        }
        if (dropMagnitude.max() >= 1) {
            throw new IllegalArgumentException("a drop cannot remove 100 % or more of the value");
        }
        if (cleanDaysBetween < 0 || maxPlacementAttempts < 1) {
            throw new IllegalArgumentException("cleanDaysBetween must be >= 0 and maxPlacementAttempts >= 1");
        }
    }

    /** Large enough for a decent detector to see, small enough to stay plausible. */
    public static AnomalyShapes defaults() {
        return new AnomalyShapes(new IntRange(1, 4), new Range(0.25, 0.60), new IntRange(1, 4), new Range(0.25, 0.60),
                new IntRange(6, 16), new IntRange(2, 7), new Range(0.10, 0.25), new IntRange(3, 10),
                new Range(0.10, 0.25), 1, 10_000);
    }
}

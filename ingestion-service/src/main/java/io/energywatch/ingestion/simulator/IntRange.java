package io.energywatch.ingestion.simulator;

import java.util.random.RandomGenerator;

/** A closed interval of integers the simulator draws uniformly from. */
public record IntRange(int min, int max) {

    public IntRange {
        if (min > max) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
    }

    int draw(RandomGenerator rng) {
        return min + rng.nextInt(max - min + 1);
    }
}

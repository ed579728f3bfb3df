package io.energywatch.ingestion.simulator;

import java.util.random.RandomGenerator;

/** A closed interval of real numbers the simulator draws uniformly from. */
public record Range(double min, double max) {

    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
    }

    double draw(RandomGenerator rng) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }
}

package io.energywatch.analytics.registry;

import java.time.Instant;
import java.util.Objects;

/** The reference window a model version was trained on: [from, to) and the rows it held. */
public record TrainingWindow(Instant from, Instant to, long rows) {

    public TrainingWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from) || rows < 0) {
            throw new IllegalArgumentException("bad training window " + from + ".." + to + ", " + rows + " rows");
        }
    }
}

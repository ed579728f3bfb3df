package io.energywatch.ingestion.simulator;

/** What an injected anomaly does to the clean value of each half-hour it covers. */
sealed interface Distortion {

    /**
     * @param cleanMw  the clean power of the half-hour
     * @param progress how far through the anomaly the half-hour is, in (0, 1]; 1 on its last half-hour
     */
    double apply(double cleanMw, double progress);

    /** Spikes, drops and level shifts: the clean value times {@code 1 + relative}. */
    record Scale(double relative) implements Distortion {
        @Override
        public double apply(double cleanMw, double progress) {
            return cleanMw * (1 + relative);
        }
    }

    /** A gradual drift: a deviation growing linearly to {@code finalRelative} on the last half-hour. */
    record Ramp(double finalRelative) implements Distortion {
        @Override
        public double apply(double cleanMw, double progress) {
            return cleanMw * (1 + finalRelative * progress);
        }
    }

    /** A stuck meter: the same value whatever the demand. */
    record Hold(double valueMw) implements Distortion {
        @Override
        public double apply(double cleanMw, double progress) {
            return valueMw;
        }
    }
}

package io.energywatch.ingestion.simulator;

/** The published half-hourly powers of one region on one local day, and which of them carry an injected anomaly. */
record RegionDay(LocalDay day, double[] powersMw, boolean[] injected) {

    /** The day's energy in MWh: the sum of its half-hours' energies, in step order. */
    double energyMwh() {
        double sum = 0;
        for (double p : powersMw) {
            sum += p * LocalDay.STEP_HOURS;
        }
        return sum;
    }

    boolean anyInjected() {
        for (boolean b : injected) {
            if (b) {
                return true;
            }
        }
        return false;
    }
}

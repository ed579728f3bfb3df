package io.energywatch.ingestion.simulator;

/** The resolutions the simulator publishes consumption at. */
public enum SimulatedResolution {
    /** Average power in MW over each half-hour. */
    HALF_HOURLY("PT30M"),
    /** Energy in MWh over each local (Europe/Paris) day, the sum of its half-hours. */
    DAILY("P1D");

    private final String iso;

    SimulatedResolution(String iso) {
        this.iso = iso;
    }

    /** The ISO-8601 duration used in series ids. */
    public String iso() {
        return iso;
    }
}

package io.energywatch.analytics.carbon;

/** How a run's CPU energy was obtained. */
public enum EnergyMethod {

    /** The package energy counters of Intel RAPL (also exposed on AMD Zen by the powercap driver). */
    RAPL("rapl"),
    /** The process's CPU time multiplied by the power of one hardware thread. */
    CPU_TIME("cpu-time");

    private final String label;

    EnergyMethod(String label) {
        this.label = label;
    }

    /** The name the model-run log and the carbon report use: {@code rapl} or {@code cpu-time}. */
    public String label() {
        return label;
    }
}

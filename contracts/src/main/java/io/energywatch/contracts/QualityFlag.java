package io.energywatch.contracts;

/** Why a value deserves a second look. Missing values are {@code null} plus {@link #MISSING}, never zero. */
public enum QualityFlag {
    MISSING,
    /** A local time in the repeated autumn hour that the source did not disambiguate; taken as the first occurrence. */
    DST_AMBIGUOUS,
    /** Several stations fed one region on one day; the value is their mean. */
    MULTI_STATION_MEAN,
    /** Derived by the platform (energy from power, a daily total from sub-daily values). */
    DERIVED,
    /** A labelled anomaly injected by the simulator. */
    INJECTED_ANOMALY
}

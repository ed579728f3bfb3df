package io.energywatch.contracts;

/** Drift levels; PSI defaults from the seed report: &lt; 0.1 stable, &lt; 0.25 slight, &lt; 0.5 moderate, else significant. */
public enum DriftStatus {
    STABLE, SLIGHT, MODERATE, SIGNIFICANT
}

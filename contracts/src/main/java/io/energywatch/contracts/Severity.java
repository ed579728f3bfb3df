package io.energywatch.contracts;

/** Anomaly severities, from the least to the most urgent. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}

package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.AnomalyType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One anomaly placed on one region's demand over [start, end), half-hour aligned. */
record PlannedAnomaly(String regionCode, AnomalyType type, Instant start, Instant end, Distortion distortion) {

    int steps() {
        return (int) (Duration.between(start, end).toMinutes() / LocalDay.STEP.toMinutes());
    }

    boolean covers(Instant stepStart) {
        return !stepStart.isBefore(start) && stepStart.isBefore(end);
    }

    /** Progress in (0, 1] of the half-hour starting at {@code stepStart}. */
    double progress(Instant stepStart) {
        long index = Duration.between(start, stepStart).toMinutes() / LocalDay.STEP.toMinutes();
        return (index + 1) / (double) steps();
    }

    LocalDate firstDay() {
        return localDay(start);
    }

    /** The local day of the last half-hour. */
    LocalDate lastDay() {
        return localDay(end.minusNanos(1));
    }

    static LocalDate localDay(Instant instant) {
        return instant.atZone(SimulationRequest.PARIS).toLocalDate();
    }
}

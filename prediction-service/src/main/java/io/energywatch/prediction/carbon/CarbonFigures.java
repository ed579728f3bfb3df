package io.energywatch.prediction.carbon;

/**
 * The model runs of a group (or of the whole report) summed.
 *
 * @param runs            runs recorded
 * @param failedRuns      of which failed
 * @param rows            rows read, scored or written
 * @param durationSeconds wall time summed
 * @param cpuSeconds      CPU time summed (nested runs excluded from their parents)
 * @param cpuEnergyKwh    CPU energy before PUE
 * @param ramEnergyKwh    memory energy before PUE
 * @param energyKwh       total energy, PUE included
 * @param co2Grams        emissions, gCO2eq
 */
public record CarbonFigures(long runs, long failedRuns, long rows, double durationSeconds, double cpuSeconds,
                            double cpuEnergyKwh, double ramEnergyKwh, double energyKwh, double co2Grams) {
}

package io.energywatch.analytics.carbon;

import java.time.Instant;

/**
 * The energy and emissions of one run.
 *
 * @param startedAt        when the run started
 * @param endedAt          when it stopped
 * @param wallSeconds      elapsed time
 * @param cpuSeconds       CPU time of the whole process (every thread) during the run
 * @param peakHeapBytes    the JVM's heap peak during the run (sum of the heap pools' peaks)
 * @param method           where the CPU energy comes from
 * @param cpuKwh           CPU energy before PUE
 * @param ramKwh           memory energy before PUE
 * @param totalKwh         (CPU + memory) × PUE
 * @param co2Grams         totalKwh × intensity
 * @param intensityGPerKwh the grid intensity used
 * @param pue              the PUE used
 */
public record Measurement(
        Instant startedAt,
        Instant endedAt,
        double wallSeconds,
        double cpuSeconds,
        long peakHeapBytes,
        EnergyMethod method,
        double cpuKwh,
        double ramKwh,
        double totalKwh,
        double co2Grams,
        double intensityGPerKwh,
        double pue) {
}

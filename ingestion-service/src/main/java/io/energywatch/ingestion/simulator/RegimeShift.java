package io.energywatch.ingestion.simulator;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/**
 * A change of regime in a simulation, for drift monitoring to find: from {@code from}, a heat wave adds
 * {@code heatWaveC} to every region's daily mean (and so minimum and maximum) temperature for {@code heatWaveDays} days,
 * which demand answers through its usual temperature response; from the day after the wave to the end, demand is cut by
 * {@code demandCutPercent} (a lasting change of behaviour, such as a sobriety plan). It draws no random numbers, so
 * everything else (weather noise, strikes, anomaly placements) is the same as without it, and injected anomalies
 * distort the shifted values exactly as they would the plain ones.
 */
public record RegimeShift(@NotNull LocalDate from, @Min(0) @Max(366) int heatWaveDays,
                          @DecimalMin("-20.0") @DecimalMax("20.0") double heatWaveC,
                          @DecimalMin("0.0") @DecimalMax("90.0") double demandCutPercent) {

    /** Checked by the request that carries it (the API validates the fields first, naming them). */
    void check() {
        if (from == null || heatWaveDays < 0 || heatWaveDays > 366 || Math.abs(heatWaveC) > 20 || demandCutPercent < 0
                || demandCutPercent > 90) {
            throw new IllegalArgumentException("regime shift out of range: from " + from + ", heatWaveDays "
                    + heatWaveDays + ", heatWaveC " + heatWaveC + ", demandCutPercent " + demandCutPercent
                    + " (0-366 days, at most 20 °C, a cut of 0-90%)");
        }
    }

    /** Degrees added to the day's temperatures. */
    double temperatureOffsetC(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(demandCutFrom()) ? heatWaveC : 0;
    }

    /** What the day's demand is multiplied by. */
    double demandFactor(LocalDate date) {
        return date.isBefore(demandCutFrom()) ? 1 : 1 - demandCutPercent / 100;
    }

    /** The first day of the demand cut: the day after the heat wave. */
    public LocalDate demandCutFrom() {
        return from.plusDays(heatWaveDays);
    }
}

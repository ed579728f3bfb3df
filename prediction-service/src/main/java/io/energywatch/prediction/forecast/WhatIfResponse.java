package io.energywatch.prediction.forecast;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The champion's energy for a day with its recorded inputs (baseline) and with the scenario's, each with its conformal
 * 80% and 95% intervals, and the difference. Each case lists every weather input, where its value came from and
 * whether the model reads it; the strike and its rate are always read by a regression champion. A baseline champion
 * (persistence, climatology, ...) reads none of them, so its scenario equals its baseline.
 */
public record WhatIfResponse(String series, LocalDate date, String modelId, String modelVersion, String algorithm,
                             Case baseline, Case scenario, double deltaMwh, double deltaPercent) {

    /**
     * @param imputed the inputs the model reads whose value was not given nor recorded (source IMPUTED or
     *                CLIMATOLOGY)
     */
    public record Case(double tempMeanC, boolean strike, double strikerRatePercent, double energyMwh,
                       double lower80Mwh, double upper80Mwh, double lower95Mwh, double upper95Mwh,
                       List<Input> inputs, List<String> imputed) {

        public Case {
            inputs = List.copyOf(inputs);
            imputed = List.copyOf(imputed);
        }
    }

    /**
     * One weather input of a case.
     *
     * @param name        the request's field name (tempMaxC, windKmh, ...)
     * @param value       what the model got; null when the input is unknown and the model does not read it
     * @param source      where the value came from
     * @param usedByModel the champion's features include it
     */
    public record Input(String name, @Nullable Double value, Source source, boolean usedByModel) {
    }

    public enum Source {
        /** given in the request */
        GIVEN,
        /** the recorded day's value */
        RECORDED,
        /** the recorded value moved by {@code tempDeltaC} */
        SHIFTED,
        /** the mean of the given maximum and minimum temperature */
        DERIVED,
        /** the day has no recorded temperature: the climatological normal of its day of the year */
        CLIMATOLOGY,
        /**
         * the model's imputation, learned on its training window: the training mean of the measure, or for a
         * temperature extreme the day's mean temperature plus the training mean offset of that extreme
         */
        IMPUTED,
        /** unknown, and the model does not read it */
        ABSENT
    }
}

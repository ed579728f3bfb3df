package io.energywatch.prediction.forecast;

import java.time.LocalDate;

/** The model's energy for a day as recorded (baseline) and under the scenario, and the difference. */
public record WhatIfResponse(String series, LocalDate date, String modelId, String modelVersion, String algorithm,
                             Case baseline, Case scenario, double deltaMwh, double deltaPercent) {

    public record Case(double tempMeanC, boolean strike, double strikerRatePercent, double energyMwh,
                       double lower80Mwh, double upper80Mwh) {
    }
}

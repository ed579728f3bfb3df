package io.energywatch.prediction.forecast;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A scenario for one local day: its temperature set ({@code tempMeanC}) or shifted ({@code tempDeltaC}), and a strike
 * switched on or off. What is not given stays as recorded (or climatological for a day not yet measured).
 */
public record WhatIfRequest(@Nullable String series, @Nullable LocalDate date, @Nullable Double tempMeanC,
                            @Nullable Double tempDeltaC, @Nullable Boolean strike,
                            @Nullable Double strikerRatePercent) {
}

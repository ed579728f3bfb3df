package io.energywatch.prediction.forecast;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A scenario for one local day in the seed project's form: the day's maximum and minimum temperature, wind, humidity,
 * visibility, cloud cover and a strike with its striker rate. The temperature is required: {@code tempMaxC} and
 * {@code tempMinC}, or the earlier forms, {@code tempMeanC} alone or {@code tempDeltaC} (every recorded temperature of
 * the day shifted). A measure not given keeps the recorded day's value; one the day does not have is imputed by the
 * model (see {@link WhatIfResponse.Source}).
 *
 * @param tempMeanC          the day's mean; (max + min) / 2 when only the extremes are given
 * @param tempDeltaC         shift of the recorded (or, for a day not yet measured, climatological) temperatures;
 *                           excludes the other temperatures
 * @param strike             a social movement covers the day; the recorded day's flag when absent
 * @param strikerRatePercent highest striker rate, percent; the recorded one for a strike, 0 otherwise, when absent
 */
public record WhatIfRequest(@Nullable String series, @Nullable LocalDate date, @Nullable Double tempMaxC,
                            @Nullable Double tempMinC, @Nullable Double tempMeanC, @Nullable Double tempDeltaC,
                            @Nullable Double windKmh, @Nullable Double humidityPercent, @Nullable Double visibilityKm,
                            @Nullable Double cloudCoverPercent, @Nullable Boolean strike,
                            @Nullable Double strikerRatePercent) {

    /** The earlier form: a mean temperature or a shift, and a strike. */
    public static WhatIfRequest ofMean(String series, LocalDate date, @Nullable Double tempMeanC,
                                       @Nullable Double tempDeltaC, @Nullable Boolean strike,
                                       @Nullable Double strikerRatePercent) {
        return new WhatIfRequest(series, date, null, null, tempMeanC, tempDeltaC, null, null, null, null, strike,
                strikerRatePercent);
    }
}

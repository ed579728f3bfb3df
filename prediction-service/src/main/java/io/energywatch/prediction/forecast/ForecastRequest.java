package io.energywatch.prediction.forecast;

import org.jspecify.annotations.Nullable;

/** Forecast the {@code horizonDays} local days after the series' last complete day. */
public record ForecastRequest(@Nullable String series, @Nullable Integer horizonDays) {
}

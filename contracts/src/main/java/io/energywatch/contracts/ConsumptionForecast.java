package io.energywatch.contracts;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** One forecast step of a series with its prediction intervals. Topic {@code energywatch.forecasts.v1}, key: series id. */
public record ConsumptionForecast(
        String eventId,
        String seriesId,
        String modelId,
        String modelVersion,
        String algorithm,
        Instant issuedAt,
        Instant targetStart,
        Instant targetEnd,
        @JsonPropertyDescription("local day of targetStart") LocalDate targetDate,
        @JsonPropertyDescription("point forecast of the energy over the step, MWh") double energyMwh,
        double lower80Mwh,
        double upper80Mwh,
        double lower95Mwh,
        double upper95Mwh,
        @JsonPropertyDescription("weather behind the step: OBSERVED, FORECAST or CLIMATOLOGY") WeatherBasis weatherBasis)
        implements EnergyWatchEvent {

    public ConsumptionForecast {
        Objects.requireNonNull(seriesId, "seriesId");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(targetStart, "targetStart");
        Objects.requireNonNull(targetEnd, "targetEnd");
        Objects.requireNonNull(targetDate, "targetDate");
        Objects.requireNonNull(weatherBasis, "weatherBasis");
        if (!(lower95Mwh <= lower80Mwh && lower80Mwh <= energyMwh && energyMwh <= upper80Mwh && upper80Mwh <= upper95Mwh)) {
            throw new IllegalArgumentException("forecast intervals are not nested around the point forecast");
        }
        eventId = eventId == null ? EventIds.of("forecast", seriesId, modelId, modelVersion, issuedAt, targetStart) : eventId;
    }

    @Override
    public Instant eventTime() {
        return targetStart;
    }

    public enum WeatherBasis {
        OBSERVED, FORECAST, CLIMATOLOGY
    }
}

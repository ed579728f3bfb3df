package io.energywatch.service.time;

import io.energywatch.contracts.EventTimeWindow;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.time.Instant;

/**
 * The plausible event times, one setting for the whole platform (defaults in energywatch-platform.yml): ingestion
 * rejects records outside it and fusion dead-letters them before they can move its stream time.
 *
 * @param earliest the first plausible instant
 * @param maxAhead how far after now an event may lie (weather forecasts, announced strikes)
 */
@Validated
@ConfigurationProperties("energywatch.event-time")
public record EventTimeProperties(@NotNull Instant earliest, @NotNull Duration maxAhead) {

    public EventTimeWindow window() {
        return new EventTimeWindow(earliest, maxAhead);
    }
}

package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventTimeWindow;

import java.time.Clock;
import java.util.Optional;

/**
 * The event times the fusion lets into stream time: a record outside the platform's window (a reading stamped 2999)
 * would move stream time years ahead and the purge would then drop every region's weather and movements.
 *
 * @param window the platform's plausible event times (energywatch.event-time)
 * @param clock  what "now" is for the window's upper bound
 */
public record PlausibleTimes(EventTimeWindow window, Clock clock) {

    /** Why the event's time is implausible now; empty when it is plausible. */
    Optional<String> refusal(EnergyWatchEvent event) {
        return window.refusal(event.eventTime(), clock.instant())
                .map(reason -> EventTimeWindow.field(event) + ": " + reason);
    }

    boolean admits(EnergyWatchEvent event) {
        return window.admits(event.eventTime(), clock.instant());
    }
}

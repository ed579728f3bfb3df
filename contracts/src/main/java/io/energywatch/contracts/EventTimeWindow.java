package io.energywatch.contracts;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The event times the platform takes as real: none before {@code earliest}, none more than {@code maxAhead} after now.
 * A reading stamped {@code 2999-12-31} is a typo or an attack, and stream processors that follow event time would jump
 * to it and expire every context they keep; ingestion refuses such records and fusion dead-letters them before they
 * can move its stream time.
 *
 * @param earliest the first plausible instant (no EnergyWatch source goes back further)
 * @param maxAhead how far after now a record may lie: weather forecasts and announced strikes are ahead of now
 */
public record EventTimeWindow(Instant earliest, Duration maxAhead) {

    public EventTimeWindow {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(maxAhead, "maxAhead");
        if (maxAhead.isNegative()) {
            throw new IllegalArgumentException("maxAhead must not be negative, was " + maxAhead);
        }
    }

    public boolean admits(Instant eventTime, Instant now) {
        return refusal(eventTime, now).isEmpty();
    }

    /** Why {@code eventTime} is not plausible at {@code now}, in one sentence; empty when it is. */
    public Optional<String> refusal(Instant eventTime, Instant now) {
        if (eventTime.isBefore(earliest)) {
            return Optional.of("event time " + eventTime + " is before " + earliest + ", the earliest the platform takes");
        }
        Instant latest = now.plus(maxAhead);
        if (eventTime.isAfter(latest)) {
            return Optional.of("event time " + eventTime + " is more than " + maxAhead.toDays() + " days after now ("
                    + "latest plausible " + latest + ")");
        }
        return Optional.empty();
    }

    /** The record's field that holds its event time, as the contract names it. */
    public static String field(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured m -> "intervalStart";
            case WeatherObserved w -> "date";
            case SocialMovementDeclared s -> "startDate";
            case WeatherForecastIssued f -> "issuedAt";
            default -> "eventTime";
        };
    }
}

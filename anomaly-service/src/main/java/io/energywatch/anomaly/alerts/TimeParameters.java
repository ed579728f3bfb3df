package io.energywatch.anomaly.alerts;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query-parameter times (shared/DESIGN.md): an ISO-8601 instant, or a local date meaning the Europe/Paris day; and
 * look-back windows as ISO-8601 durations.
 */
public final class TimeParameters {

    private TimeParameters() {
    }

    /** The inclusive lower bound: the instant, or the start of the local day. */
    public static @Nullable Instant from(@Nullable String value) {
        return TimeWindow.instant("from", value, false);
    }

    /** The exclusive upper bound: the instant, or the end of the local day (the next day's start). */
    public static @Nullable Instant to(@Nullable String value) {
        return TimeWindow.instant("to", value, true);
    }

    /**
     * A look-back window: {@code now} minus a positive ISO-8601 duration ({@code PT10M}, {@code P1D}), so "detected in
     * the last 10 minutes" needs no client clock.
     */
    static @Nullable Instant since(String name, @Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration window;
        try {
            window = Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-request", name + " is not an ISO-8601 duration",
                    List.of(ProblemError.field(name, value, "expected an ISO-8601 duration, e.g. PT10M or P1D")));
        }
        if (window.isNegative() || window.isZero()) {
            throw ProblemException.badRequest("invalid-request", name + " must be a positive duration",
                    List.of(ProblemError.field(name, value, "must be positive")));
        }
        return now.minus(window);
    }
}

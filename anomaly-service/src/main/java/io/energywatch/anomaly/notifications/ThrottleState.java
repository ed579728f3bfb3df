package io.energywatch.anomaly.notifications;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;

/**
 * A rule's throttle for one series: the detection time of the last alert it notified, and how many it held back since.
 *
 * @param lastNotifiedAt null when the rule never notified this series
 */
record ThrottleState(@Nullable Instant lastNotifiedAt, long suppressed) {

    static final ThrottleState NEVER = new ThrottleState(null, 0);

    /**
     * Whether an alert detected at {@code detectedAt} may notify: the first one, one after the window has passed, or
     * any when the window is zero. Detection time, not the clock, decides, so a replay throttles the same alerts.
     */
    boolean allows(Instant detectedAt, Duration window) {
        return window.isZero() || lastNotifiedAt == null || !detectedAt.isBefore(lastNotifiedAt.plus(window));
    }
}

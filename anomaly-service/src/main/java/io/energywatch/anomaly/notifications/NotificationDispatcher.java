package io.energywatch.anomaly.notifications;

import io.energywatch.service.observability.EnergyWatchMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Sends the outbox's due notifications. A failed attempt is retried after a backoff doubling from the initial one up to
 * the maximum; after the last allowed attempt the notification is DEAD, kept with its last error for an operator.
 */
class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final NotificationStore store;
    private final Map<Channel, ChannelSender> senders;
    private final int batch;
    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration claimTimeout;
    private final Clock clock;
    private final MeterRegistry meters;

    NotificationDispatcher(NotificationStore store, Map<Channel, ChannelSender> senders, int batch, int maxAttempts,
                           Duration initialBackoff, Duration maxBackoff, Duration claimTimeout, Clock clock,
                           MeterRegistry meters) {
        this.store = store;
        this.senders = Map.copyOf(senders);
        this.batch = batch;
        this.maxAttempts = maxAttempts;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.claimTimeout = claimTimeout;
        this.clock = clock;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${energywatch.anomaly.notifications.dispatch-interval}")
    void dispatchDue() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            // MongoDB unreachable: the outbox keeps every notification, the next pass sends them.
            log.warn("Notification dispatch pass failed, next pass retries: {}", e.toString());
        }
    }

    /** One pass over the due notifications; returns how many were attempted. */
    int dispatch() {
        Instant now = clock.instant();
        int attempted = 0;
        for (Notification n : store.due(now, batch)) {
            if (!store.claim(n.id(), now, now.plus(claimTimeout))) {
                continue;
            }
            attempted++;
            int attempt = n.attempts() + 1;
            try {
                senders.get(n.channel()).send(n);
                delivered(n.channel(), "sent").increment();
                store.markSent(n.id(), attempt, clock.instant());
            } catch (DeliveryException e) {
                delivered(n.channel(), "failed").increment();
                Instant at = clock.instant();
                if (attempt >= maxAttempts) {
                    store.markFailed(n.id(), attempt, DeliveryStatus.DEAD, at, e.getMessage(), at);
                    log.warn("Notification {} ({} to {}) is DEAD after {} attempts: {}", n.id(), n.channel(),
                            n.target(), attempt, e.getMessage());
                } else {
                    Instant next = at.plus(backoff(attempt));
                    store.markFailed(n.id(), attempt, DeliveryStatus.RETRYING, next, e.getMessage(), at);
                    log.info("Notification {} ({} to {}) attempt {} failed, next at {}: {}", n.id(), n.channel(),
                            n.target(), attempt, next, e.getMessage());
                }
            }
        }
        return attempted;
    }

    /** Attempts per channel and outcome: a failed one is counted each time, whether retried or given up. */
    private Counter delivered(Channel channel, String outcome) {
        return Counter.builder(EnergyWatchMeters.NOTIFICATIONS).description("notification delivery attempts")
                .tag("channel", channel.name().toLowerCase(Locale.ROOT)).tag("outcome", outcome).register(meters);
    }

    /** The wait after failed attempt number {@code attempt} (1-based): initial × 2^(attempt-1), at most the maximum. */
    Duration backoff(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}

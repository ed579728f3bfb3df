package io.energywatch.prediction.history;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the enriched-stream listener last wrote to the daily history: the issuance waits for the history to be quiet, so
 * that a replay or a bulk load is forecast from where it ends instead of at every day it passes through.
 */
public final class HistoryActivity {

    private final Clock clock;
    private final AtomicReference<Instant> lastWrite = new AtomicReference<>(Instant.MIN);

    public HistoryActivity(Clock clock) {
        this.clock = clock;
    }

    public void wrote() {
        lastWrite.set(clock.instant());
    }

    /** When the listener last wrote; empty when it has written nothing since the service started. */
    public Optional<Instant> lastWrite() {
        Instant last = lastWrite.get();
        return last.equals(Instant.MIN) ? Optional.empty() : Optional.of(last);
    }

    /** True when nothing was written for {@code quietPeriod}; a service that has written nothing since start is quiet. */
    public boolean quietFor(Duration quietPeriod) {
        Instant last = lastWrite.get();
        return last.equals(Instant.MIN) || !clock.instant().isBefore(last.plus(quietPeriod));
    }
}

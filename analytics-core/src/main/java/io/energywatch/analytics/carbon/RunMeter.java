package io.energywatch.analytics.carbon;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/** One run being measured: what the meter read at its start. Stop it once, from any thread. */
public final class RunMeter {

    private final CarbonMeter meter;
    private final Instant startedAt;
    private final long startNanos;
    private final long startCpuNanos;
    private final long @Nullable [] startCounters;
    private final AtomicBoolean stopped = new AtomicBoolean();

    RunMeter(CarbonMeter meter, Instant startedAt, long startNanos, long startCpuNanos,
             long @Nullable [] startCounters) {
        this.meter = meter;
        this.startedAt = startedAt;
        this.startNanos = startNanos;
        this.startCpuNanos = startCpuNanos;
        this.startCounters = startCounters;
    }

    /** Ends the run and returns its energy and emissions; a second call is a programming error. */
    public Measurement stop() {
        if (!stopped.compareAndSet(false, true)) {
            throw new IllegalStateException("the run started at " + startedAt + " was already stopped");
        }
        return meter.finish(this);
    }

    public Instant startedAt() {
        return startedAt;
    }

    long startNanos() {
        return startNanos;
    }

    long startCpuNanos() {
        return startCpuNanos;
    }

    long @Nullable [] startCounters() {
        return startCounters;
    }
}

package io.energywatch.analytics.carbon;

import java.time.Duration;
import java.time.Instant;

/** A clock, CPU time and heap the test moves by hand. */
final class FakeProbes implements JvmProbes {

    Instant now = Instant.parse("2024-03-05T10:00:00Z");
    long nanos;
    long cpuNanos;
    long heapPeak;
    long totalMemory = 24L * 1024 * 1024 * 1024;
    int heapResets;

    void advance(Duration wall, Duration cpu) {
        now = now.plus(wall);
        nanos += wall.toNanos();
        cpuNanos += cpu.toNanos();
    }

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long processCpuNanos() {
        return cpuNanos;
    }

    @Override
    public void resetHeapPeak() {
        heapResets++;
        heapPeak = 0;
    }

    @Override
    public long heapPeakBytes() {
        return heapPeak;
    }

    @Override
    public long totalMemoryBytes() {
        return totalMemory;
    }
}

package io.energywatch.analytics.carbon;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.List;

/** What a run meter reads from the JVM and the clock; the system one in production, a fake one in tests. */
public interface JvmProbes {

    Instant now();

    /** A monotonic time in nanoseconds. */
    long nanoTime();

    /** CPU time consumed by the whole process so far, in nanoseconds. */
    long processCpuNanos();

    /** Starts a new heap peak (the heap pools' peaks are reset). */
    void resetHeapPeak();

    /** The sum of the heap pools' peaks since the last reset, in bytes. */
    long heapPeakBytes();

    /** Physical memory of the machine (or the container's limit), in bytes. */
    long totalMemoryBytes();

    static JvmProbes system() {
        return RunningJvm.INSTANCE;
    }

    /** The running JVM's management beans. */
    final class RunningJvm implements JvmProbes {

        private static final RunningJvm INSTANCE = new RunningJvm();

        private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();

        private RunningJvm() {
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long processCpuNanos() {
            return os.getProcessCpuTime();
        }

        @Override
        public void resetHeapPeak() {
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }

        @Override
        public long heapPeakBytes() {
            long sum = 0;
            for (MemoryPoolMXBean pool : heapPools) {
                var peak = pool.getPeakUsage();
                sum += peak == null ? 0 : peak.getUsed();
            }
            return sum;
        }

        @Override
        public long totalMemoryBytes() {
            return os.getTotalMemorySize();
        }
    }
}

package io.energywatch.analytics.carbon;

import org.jspecify.annotations.Nullable;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Measures the energy and emissions of runs the way CodeCarbon does: CPU energy from the RAPL package counters when
 * this process can read them, else the process's CPU time × the power of one hardware thread; memory power by
 * installed memory × the run's duration; both × PUE, × the grid's carbon intensity. One meter per process; any number
 * of runs, overlapping or not, are measured with {@link #start()}.
 */
public final class CarbonMeter {

    private static final double JOULES_PER_KWH = 3.6e6;

    private final CarbonSettings settings;
    private final @Nullable PowercapCounters rapl;
    private final String cpuModel;
    private final double wattsPerThread;
    private final double ramWatts;
    private final JvmProbes probes;

    CarbonMeter(CarbonSettings settings, @Nullable PowercapCounters rapl, String cpuModel, double wattsPerThread,
                double ramWatts, JvmProbes probes) {
        this.settings = settings;
        this.rapl = rapl;
        this.cpuModel = cpuModel;
        this.wattsPerThread = wattsPerThread;
        this.ramWatts = ramWatts;
        this.probes = probes;
    }

    /**
     * The meter of this machine: RAPL under {@code powercapRoot} (normally {@code /sys/class/powercap}) when readable,
     * the CPU model from {@code cpuinfo} (normally {@code /proc/cpuinfo}) for the CPU-time method.
     */
    public static CarbonMeter forThisMachine(CarbonSettings settings, Path powercapRoot, Path cpuinfo) {
        return create(settings, powercapRoot, cpuinfo, JvmProbes.system());
    }

    static CarbonMeter create(CarbonSettings settings, Path powercapRoot, Path cpuinfo, JvmProbes probes) {
        Optional<PowercapCounters> rapl = PowercapCounters.open(powercapRoot);
        String model = CpuPowerTable.modelName(cpuinfo).orElse("unknown");
        double perThread = settings.wattsPerThread() != null
                ? settings.wattsPerThread() : CpuPowerTable.codeCarbonRows().wattsPerThread(model);
        double ram = settings.ramWatts() != null
                ? settings.ramWatts() : RamPower.wattsForBytes(probes.totalMemoryBytes());
        return new CarbonMeter(settings, rapl.orElse(null), model, perThread, ram, probes);
    }

    /** Starts measuring a run; {@link RunMeter#stop()} ends it. */
    public RunMeter start() {
        probes.resetHeapPeak();
        return new RunMeter(this, probes.now(), probes.nanoTime(), probes.processCpuNanos(),
                rapl == null ? null : rapl.read());
    }

    public EnergyMethod method() {
        return rapl == null ? EnergyMethod.CPU_TIME : EnergyMethod.RAPL;
    }

    public String cpuModel() {
        return cpuModel;
    }

    public double wattsPerThread() {
        return wattsPerThread;
    }

    public double ramWatts() {
        return ramWatts;
    }

    public CarbonSettings settings() {
        return settings;
    }

    Measurement finish(RunMeter run) {
        var end = probes.now();
        double wallSeconds = Math.max(0, probes.nanoTime() - run.startNanos()) / 1e9;
        double cpuSeconds = Math.max(0, probes.processCpuNanos() - run.startCpuNanos()) / 1e9;
        long peakHeap = probes.heapPeakBytes();
        double cpuJoules = rapl != null && run.startCounters() != null
                ? rapl.joulesBetween(run.startCounters(), rapl.read())
                : cpuSeconds * wattsPerThread;
        double cpuKwh = cpuJoules / JOULES_PER_KWH;
        double ramKwh = ramWatts * wallSeconds / JOULES_PER_KWH;
        double totalKwh = (cpuKwh + ramKwh) * settings.pue();
        double intensity = settings.intensity();
        return new Measurement(run.startedAt(), end, wallSeconds, cpuSeconds, peakHeap, method(), cpuKwh, ramKwh,
                totalKwh, totalKwh * intensity, intensity, settings.pue());
    }
}

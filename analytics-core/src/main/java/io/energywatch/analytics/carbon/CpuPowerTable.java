package io.energywatch.analytics.carbon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The power of one hardware thread of a CPU model, for the CPU-time method: the model's TDP divided by its threads per
 * package. TDPs are rows of CodeCarbon's {@code codecarbon/data/hardware/cpu_power.csv} (Name,TDP); the thread counts
 * are the vendor's specification. A model not in the table gets CodeCarbon's {@code DEFAULT_POWER_PER_CORE}, 4 W per
 * thread.
 */
public final class CpuPowerTable {

    /** CodeCarbon's power of one thread when the CPU model is unknown, in watts. */
    public static final double DEFAULT_WATTS_PER_THREAD = 4.0;

    /**
     * AMD EPYC rows of cpu_power.csv, the processors of the cloud machines this platform runs on; threads per package
     * from AMD's specifications (SMT on).
     */
    public static final List<CpuPower> ROWS = List.of(
            new CpuPower("AMD EPYC 7763", 280, 128),
            new CpuPower("AMD EPYC 7H12", 280, 128),
            new CpuPower("AMD EPYC 7B12", 240, 128),
            new CpuPower("AMD EPYC 7742", 225, 128),
            new CpuPower("AMD EPYC 7702", 200, 128),
            new CpuPower("AMD EPYC 7543", 225, 64),
            new CpuPower("AMD EPYC 7502", 180, 64),
            new CpuPower("AMD EPYC 7402", 180, 48),
            new CpuPower("AMD EPYC 7313", 155, 32),
            new CpuPower("AMD EPYC 7302", 155, 32));

    private final List<CpuPower> rows;

    public CpuPowerTable(List<CpuPower> rows) {
        // Longest names first, so "AMD EPYC 7302P" would never be taken for "AMD EPYC 7302".
        this.rows = rows.stream().sorted(Comparator.comparingInt((CpuPower r) -> r.name().length()).reversed())
                .toList();
    }

    public static CpuPowerTable codeCarbonRows() {
        return new CpuPowerTable(ROWS);
    }

    /** The row whose name is in {@code modelName} as whole words, ignoring case and the (R)/(TM) marks. */
    public Optional<CpuPower> find(String modelName) {
        String model = normalise(modelName);
        for (CpuPower row : rows) {
            String name = normalise(row.name());
            int at = model.indexOf(name);
            while (at >= 0) {
                int end = at + name.length();
                boolean wordStart = at == 0 || !Character.isLetterOrDigit(model.charAt(at - 1));
                boolean wordEnd = end == model.length() || !Character.isLetterOrDigit(model.charAt(end));
                if (wordStart && wordEnd) {
                    return Optional.of(row);
                }
                at = model.indexOf(name, at + 1);
            }
        }
        return Optional.empty();
    }

    /** The watts of one busy hardware thread of {@code modelName}: TDP / threads, or 4 W when the model is unknown. */
    public double wattsPerThread(String modelName) {
        return find(modelName).map(CpuPower::wattsPerThread).orElse(DEFAULT_WATTS_PER_THREAD);
    }

    /** The first {@code model name} of a {@code /proc/cpuinfo} file, or empty when it has none (or is unreadable). */
    public static Optional<String> modelName(Path cpuinfo) {
        try (var lines = Files.lines(cpuinfo)) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String s) {
        return s.replace("(R)", "").replace("(TM)", "").replace("(tm)", "").replaceAll("\\s+", " ").trim()
                .toLowerCase(Locale.ROOT);
    }

    /**
     * A CPU model's thermal design power and hardware threads per package.
     *
     * @param name      the model as cpu_power.csv names it
     * @param tdpWatts  TDP of one package, in watts
     * @param threads   hardware threads of one package
     */
    public record CpuPower(String name, double tdpWatts, int threads) {

        public CpuPower {
            if (tdpWatts <= 0 || threads <= 0) {
                throw new IllegalArgumentException(name + ": TDP and threads must be positive");
            }
        }

        public double wattsPerThread() {
            return tdpWatts / threads;
        }
    }
}

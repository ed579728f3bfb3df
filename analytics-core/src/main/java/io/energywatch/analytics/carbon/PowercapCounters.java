package io.energywatch.analytics.carbon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The CPU package energy counters of the Linux powercap tree ({@code /sys/class/powercap/intel-rapl:N/energy_uj}), the
 * source CodeCarbon prefers on Linux. Only package domains ({@code intel-rapl:N}) are summed: their sub-domains
 * ({@code intel-rapl:N:M}, cores and uncore) are parts of the package's energy and would be counted twice. Each counter
 * wraps to zero after {@code max_energy_range_uj}.
 */
public final class PowercapCounters {

    private static final Pattern PACKAGE_DOMAIN = Pattern.compile("intel-rapl:\\d+");

    private final List<Domain> domains;

    private PowercapCounters(List<Domain> domains) {
        this.domains = domains;
    }

    /**
     * The package domains under {@code root} whose counters this process can read, or empty when there are none (no
     * powercap driver, as in most virtual machines, or counters readable by root only, as on kernels since 5.10).
     */
    public static Optional<PowercapCounters> open(Path root) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        List<Domain> found = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children.sorted().toList()) {
                if (!PACKAGE_DOMAIN.matcher(dir.getFileName().toString()).matches()) {
                    continue;
                }
                Path energy = dir.resolve("energy_uj");
                Path range = dir.resolve("max_energy_range_uj");
                if (!Files.isReadable(energy) || !Files.isReadable(range)) {
                    continue;
                }
                Domain domain = new Domain(dir.getFileName().toString(), energy, readLong(range));
                domain.read();
                found.add(domain);
            }
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Optional.empty();
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(new PowercapCounters(List.copyOf(found)));
    }

    /** The package domains summed, e.g. {@code intel-rapl:0}. */
    public List<String> domains() {
        return domains.stream().map(Domain::name).toList();
    }

    /** The counters now, in microjoules, one per domain. */
    public long[] read() {
        long[] values = new long[domains.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = domains.get(i).read();
        }
        return values;
    }

    /** The energy of all package domains between two readings, in joules, across at most one wrap per counter. */
    public double joulesBetween(long[] before, long[] after) {
        double microjoules = 0;
        for (int i = 0; i < domains.size(); i++) {
            microjoules += delta(before[i], after[i], domains.get(i).maxRangeUj());
        }
        return microjoules / 1e6;
    }

    /** The counter's increase; a smaller second reading means it passed {@code maxRange} and restarted at zero. */
    static long delta(long before, long after, long maxRange) {
        return after >= before ? after - before : maxRange - before + after;
    }

    private static long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Domain(String name, Path energyFile, long maxRangeUj) {

        long read() {
            return readLong(energyFile);
        }
    }
}

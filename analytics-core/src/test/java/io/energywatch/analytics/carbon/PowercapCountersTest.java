package io.energywatch.analytics.carbon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PowercapCountersTest {

    @TempDir
    Path root;

    @Test
    void sumsThePackageDomainsAndIgnoresTheirSubDomains() throws IOException {
        domain("intel-rapl:0", 1_000_000, 262_143_328_850L);
        domain("intel-rapl:0:0", 900_000, 262_143_328_850L);
        domain("intel-rapl:1", 5_000_000, 262_143_328_850L);
        var counters = PowercapCounters.open(root).orElseThrow();
        assertThat(counters.domains()).containsExactly("intel-rapl:0", "intel-rapl:1");

        long[] before = counters.read();
        energy("intel-rapl:0", 3_500_000);
        energy("intel-rapl:0:0", 2_000_000);
        energy("intel-rapl:1", 6_000_000);
        assertThat(counters.joulesBetween(before, counters.read())).isCloseTo(3.5, within(1e-9));
    }

    @Test
    void aCounterThatWrappedCountsTheEnergyUpToItsRangeAndFromZero() throws IOException {
        domain("intel-rapl:0", 262_143_000_000L, 262_143_328_850L);
        var counters = PowercapCounters.open(root).orElseThrow();
        long[] before = counters.read();
        energy("intel-rapl:0", 671_150);
        // 328,850 µJ to the top of the range, then 671,150 µJ from zero: 1 J.
        assertThat(counters.joulesBetween(before, counters.read())).isCloseTo(1.0, within(1e-9));
        assertThat(PowercapCounters.delta(10, 5, 100)).isEqualTo(95);
    }

    @Test
    void noTreeOrUnreadableCountersMeanNoRapl() throws IOException {
        assertThat(PowercapCounters.open(root.resolve("absent"))).isEmpty();
        assertThat(PowercapCounters.open(root)).isEmpty();
        Files.createDirectories(root.resolve("intel-rapl:0"));
        assertThat(PowercapCounters.open(root)).as("no energy_uj").isEmpty();
    }

    @Test
    void aMeterOnAPowercapTreeMeasuresCpuEnergyWithRapl() throws IOException {
        domain("intel-rapl:0", 100, 262_143_328_850L);
        var probes = new FakeProbes();
        var meter = CarbonMeter.create(CarbonSettings.defaults(), root, root.resolve("cpuinfo"), probes);
        assertThat(meter.method()).isEqualTo(EnergyMethod.RAPL);

        var run = meter.start();
        probes.advance(Duration.ofSeconds(10), Duration.ofSeconds(4));
        energy("intel-rapl:0", 100 + 360_000_000L);
        var m = run.stop();
        assertThat(m.method()).isEqualTo(EnergyMethod.RAPL);
        assertThat(m.cpuKwh()).as("360 J").isCloseTo(1e-4, within(1e-12));
        assertThat(m.cpuSeconds()).isCloseTo(4.0, within(1e-9));
    }

    private void domain(String name, long energy, long maxRange) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("max_energy_range_uj"), maxRange + "\n");
        Files.writeString(dir.resolve("name"), name.chars().filter(c -> c == ':').count() == 1 ? "package-0\n" : "core\n");
        energy(name, energy);
    }

    private void energy(String name, long microjoules) throws IOException {
        Files.writeString(root.resolve(name).resolve("energy_uj"), microjoules + "\n");
    }
}

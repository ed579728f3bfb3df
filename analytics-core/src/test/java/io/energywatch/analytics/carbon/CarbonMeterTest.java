package io.energywatch.analytics.carbon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CarbonMeterTest {

    @TempDir
    Path dir;

    private final FakeProbes probes = new FakeProbes();

    @Test
    void withoutRaplTheCpuTimeOfAnUnknownCpuCostsFourWattsPerThread() throws IOException {
        var meter = CarbonMeter.create(CarbonSettings.defaults(), dir.resolve("powercap"), cpuinfo("AMD EPYC"),
                probes);
        assertThat(meter.method()).isEqualTo(EnergyMethod.CPU_TIME);
        assertThat(meter.wattsPerThread()).isEqualTo(4.0);
        assertThat(meter.ramWatts()).as("24 GiB: 4 DIMMs of 5 W").isEqualTo(20.0);

        var run = meter.start();
        probes.heapPeak = 123_456_789L;
        probes.advance(Duration.ofSeconds(90), Duration.ofSeconds(45));
        var m = run.stop();

        assertThat(m.wallSeconds()).isCloseTo(90.0, within(1e-9));
        assertThat(m.cpuSeconds()).isCloseTo(45.0, within(1e-9));
        // 45 CPU-seconds × 4 W = 180 J; 20 W × 90 s = 1800 J; 1980 J = 0.00055 kWh; × 56.039 g/kWh.
        assertThat(m.cpuKwh()).isCloseTo(180 / 3.6e6, within(1e-15));
        assertThat(m.ramKwh()).isCloseTo(1800 / 3.6e6, within(1e-15));
        assertThat(m.totalKwh()).isCloseTo(0.00055, within(1e-15));
        assertThat(m.co2Grams()).isCloseTo(0.00055 * 56.039, within(1e-12));
        assertThat(m.intensityGPerKwh()).isEqualTo(56.039);
        assertThat(m.peakHeapBytes()).isEqualTo(123_456_789L);
        assertThat(m.method().label()).isEqualTo("cpu-time");
        assertThat(m.endedAt()).isEqualTo(m.startedAt().plusSeconds(90));
        assertThat(probes.heapResets).isEqualTo(1);
    }

    @Test
    void aKnownCpuCostsItsTdpDividedByItsThreads() throws IOException {
        var meter = CarbonMeter.create(CarbonSettings.defaults(), dir.resolve("powercap"),
                cpuinfo("AMD EPYC 7763 64-Core Processor"), probes);
        assertThat(meter.wattsPerThread()).isEqualTo(280.0 / 128);

        var run = meter.start();
        probes.advance(Duration.ofSeconds(10), Duration.ofSeconds(20));
        assertThat(run.stop().cpuKwh()).isCloseTo(20 * 280.0 / 128 / 3.6e6, within(1e-15));
    }

    @Test
    void pueMultipliesTheEnergyAndTheCountryOrAConfiguredValueSetsTheIntensity() throws IOException {
        var settings = new CarbonSettings("de", null, 1.5, 10.0, 0.0);
        var meter = CarbonMeter.create(settings, dir.resolve("powercap"), cpuinfo("AMD EPYC"), probes);
        var run = meter.start();
        probes.advance(Duration.ofSeconds(100), Duration.ofSeconds(36));
        var m = run.stop();
        // 36 s × 10 W = 360 J = 1e-4 kWh; × PUE 1.5; world average 475 g/kWh for a country without a figure.
        assertThat(m.totalKwh()).isCloseTo(1.5e-4, within(1e-15));
        assertThat(m.co2Grams()).isCloseTo(1.5e-4 * 475, within(1e-12));
        assertThat(m.pue()).isEqualTo(1.5);

        assertThat(new CarbonSettings("FR", 30.0, 1.0, null, null).intensity()).isEqualTo(30.0);
        assertThat(CarbonSettings.defaults().intensity()).isEqualTo(56.039);
        assertThat(GridIntensity.forCountry("fr")).isEqualTo(56.039);
        assertThat(GridIntensity.forCountry("US")).isEqualTo(GridIntensity.WORLD_AVERAGE);
        assertThatThrownBy(() -> new CarbonSettings("FR", null, 0.9, null, null))
                .hasMessageContaining("pue");
    }

    @Test
    void aRunStopsOnce() throws IOException {
        var run = CarbonMeter.create(CarbonSettings.defaults(), dir, cpuinfo("x"), probes).start();
        run.stop();
        assertThatThrownBy(run::stop).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSystemProbesMeasureRealRuns() {
        var meter = CarbonMeter.forThisMachine(CarbonSettings.defaults(), dir.resolve("none"), dir.resolve("none"));
        var run = meter.start();
        // The OS counts process CPU time in scheduler ticks (10 ms on many kernels): burn until it has moved.
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long until = os.getProcessCpuTime() + 50_000_000L;
        double sink = 0;
        while (os.getProcessCpuTime() < until) {
            for (int i = 0; i < 200_000; i++) {
                sink += Math.sqrt(i);
            }
        }
        var m = run.stop();
        assertThat(sink).isPositive();
        assertThat(m.cpuSeconds()).isGreaterThanOrEqualTo(0.04);
        assertThat(m.peakHeapBytes()).isPositive();
        assertThat(m.totalKwh()).isPositive();
    }

    private Path cpuinfo(String model) throws IOException {
        return Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: " + model + "\nflags\t\t: fpu\n\n"
                        + "processor\t: 1\nmodel name\t: " + model + "\n");
    }
}

package io.energywatch.analytics.carbon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RamPowerTest {

    @ParameterizedTest(name = "{0} GB: {1} DIMMs, {2} W")
    @CsvSource({
            "1, 1, 10.0",      // one DIMM, but never less than two DIMMs' worth
            "4, 2, 10.0",
            "16, 2, 10.0",
            "24, 4, 20.0",     // this machine
            "32, 4, 20.0",
            "64, 4, 20.0",
            "128, 8, 38.0",    // 4 × 5 + 4 × 4.5
            "256, 8, 38.0",    // 8 × 32 GB
            "512, 8, 38.0",    // 8 × 64 GB
            "1024, 8, 38.0",   // 8 × 128 GB
            "1536, 12, 54.0"}) // 12 × 128 GB: 20 + 18 + 4 × 4
    void guessesDimmsAndPowerAsCodeCarbonV3(double gb, int dimms, double watts) {
        assertThat(RamPower.dimmCount(gb)).isEqualTo(dimms);
        assertThat(RamPower.watts(gb)).isCloseTo(watts, within(1e-9));
    }

    @Test
    void thirtyTwoDimmsUseEveryTier() {
        assertThat(RamPower.dimmCount(4096)).as("capped at 32").isEqualTo(32);
        // 4 × 5 + 4 × 4.5 + 8 × 4 + 16 × 3.5 = 20 + 18 + 32 + 56
        assertThat(RamPower.watts(4096)).isCloseTo(126.0, within(1e-9));
        assertThat(RamPower.wattsForBytes(24L * 1024 * 1024 * 1024)).isEqualTo(20.0);
    }

    @Test
    void cpuModelsAreFoundAsWholeWords() {
        var table = CpuPowerTable.codeCarbonRows();
        assertThat(table.find("AMD EPYC 7763 64-Core Processor")).map(CpuPowerTable.CpuPower::tdpWatts)
                .contains(280.0);
        assertThat(table.find("AMD EPYC 73021")).isEmpty();
        assertThat(table.find("AMD EPYC")).isEmpty();
        assertThat(table.wattsPerThread("Intel(R) Xeon(R) CPU @ 2.20GHz")).isEqualTo(4.0);
    }
}

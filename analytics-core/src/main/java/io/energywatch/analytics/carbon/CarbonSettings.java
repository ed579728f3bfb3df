package io.energywatch.analytics.carbon;

import org.jspecify.annotations.Nullable;

import java.util.Objects;

/**
 * What turns energy into emissions, and the machine's energy figures when they are known better than the defaults.
 *
 * @param country                 ISO country of the grid the machine draws from (FR by default)
 * @param intensityGPerKwh        the grid's intensity, gCO2eq/kWh; null for the country's figure of {@link GridIntensity}
 * @param pue                     power usage effectiveness of the data centre, at least 1 (CodeCarbon's default 1.0)
 * @param wattsPerThread          power of one busy hardware thread; null to look the CPU model up in {@link CpuPowerTable}
 * @param ramWatts                power of the installed memory; null for CodeCarbon's DIMM estimate of {@link RamPower}
 */
public record CarbonSettings(
        String country,
        @Nullable Double intensityGPerKwh,
        double pue,
        @Nullable Double wattsPerThread,
        @Nullable Double ramWatts) {

    public CarbonSettings {
        Objects.requireNonNull(country, "country");
        if (!(pue >= 1.0)) {
            throw new IllegalArgumentException("pue must be at least 1, was " + pue);
        }
        requireNonNegative("intensityGPerKwh", intensityGPerKwh);
        requireNonNegative("wattsPerThread", wattsPerThread);
        requireNonNegative("ramWatts", ramWatts);
    }

    /** France's grid, PUE 1, the machine's CPU and memory estimated. */
    public static CarbonSettings defaults() {
        return new CarbonSettings("FR", null, 1.0, null, null);
    }

    /** The intensity used: the configured one, else the country's. */
    public double intensity() {
        return intensityGPerKwh != null ? intensityGPerKwh : GridIntensity.forCountry(country);
    }

    private static void requireNonNegative(String name, @Nullable Double value) {
        if (value != null && !(value >= 0)) {
            throw new IllegalArgumentException(name + " must be zero or more, was " + value);
        }
    }
}

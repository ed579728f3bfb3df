package io.energywatch.service.carbon;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;

/**
 * How every service measures the energy and CO2 of its model runs (analytics-core's {@code CarbonMeter}).
 *
 * @param enabled          measure and publish runs ({@code ModelRunCompleted}); off, the work runs unmeasured
 * @param country          ISO country of the grid (FR: CodeCarbon's 56.039 gCO2/kWh; a country without a figure gets
 *                         the world average, 475)
 * @param intensityGPerKwh the grid intensity to use instead of the country's, gCO2eq/kWh
 * @param pue              power usage effectiveness of the data centre (CodeCarbon's default 1.0)
 * @param wattsPerThread   power of one busy hardware thread instead of the CPU model's TDP / threads (or 4 W)
 * @param ramWatts         memory power instead of CodeCarbon's DIMM estimate from the installed memory
 * @param powercapRoot     the powercap tree holding the RAPL counters
 * @param cpuinfo          the file naming the CPU model
 * @param maxErrorMessage  characters of a failed run's error message kept in its record
 */
@Validated
@ConfigurationProperties("energywatch.carbon")
public record CarbonProperties(
        @DefaultValue("true") boolean enabled,
        @NotBlank @DefaultValue("FR") String country,
        @Nullable @PositiveOrZero Double intensityGPerKwh,
        @DecimalMin("1.0") @DefaultValue("1.0") double pue,
        @Nullable @PositiveOrZero Double wattsPerThread,
        @Nullable @PositiveOrZero Double ramWatts,
        @NotNull @DefaultValue("/sys/class/powercap") Path powercapRoot,
        @NotNull @DefaultValue("/proc/cpuinfo") Path cpuinfo,
        @DefaultValue("500") int maxErrorMessage) {
}

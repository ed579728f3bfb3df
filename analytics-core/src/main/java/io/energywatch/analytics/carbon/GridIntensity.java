package io.energywatch.analytics.carbon;

import java.util.Locale;
import java.util.Map;

/**
 * Carbon intensity of the electricity a run draws, in gCO2eq/kWh, by ISO country code: CodeCarbon's figures (France
 * 56.039 g/kWh for 2023 in {@code codecarbon/data/private_infra/global_energy_mix.json}; any other country the world
 * average, 475 g/kWh, of {@code carbon_intensity_per_source.json}).
 */
public final class GridIntensity {

    /** CodeCarbon's {@code world_average}, gCO2eq/kWh. */
    public static final double WORLD_AVERAGE = 475.0;

    private static final Map<String, Double> BY_COUNTRY = Map.of("FR", 56.039);

    private GridIntensity() {
    }

    /** The intensity of {@code country}'s grid (ISO 3166 alpha-2, any case), the world average when not listed. */
    public static double forCountry(String country) {
        return BY_COUNTRY.getOrDefault(country.toUpperCase(Locale.ROOT), WORLD_AVERAGE);
    }
}

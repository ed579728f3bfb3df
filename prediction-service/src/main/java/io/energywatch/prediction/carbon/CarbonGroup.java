package io.energywatch.prediction.carbon;

import java.util.List;

/**
 * One group of a carbon report: a model, a service or a local day, with its runs' figures and the energy methods used.
 *
 * @param key     the model id, the service or the day ({@code yyyy-MM-dd}, Europe/Paris)
 * @param figures the group's runs summed
 * @param methods {@code rapl} and/or {@code cpu-time}
 * @param intensitySources {@code measured} (the grid's measured intensity of the run's hour) and/or
 *                {@code country-default} (the intensity its meter used)
 */
public record CarbonGroup(String key, CarbonFigures figures, List<String> methods, List<String> intensitySources) {
}

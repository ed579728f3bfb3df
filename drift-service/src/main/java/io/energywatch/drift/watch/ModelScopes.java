package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.contracts.SeriesId;
import io.energywatch.drift.window.WindowScope;

/**
 * The window scope a model version is compared with, from what its trainer recorded: a forecaster's {@code series}
 * parameter (a daily series: day rows of that carrier, area and source), an anomaly forest's id
 * ({@code anomaly-forest.<carrier>.<source>.<resolution>}: every area of the group, row by row). A model that says
 * neither is compared with the whole window.
 */
public final class ModelScopes {

    static final String SERIES_PARAMETER = "series";
    static final String FOREST_PREFIX = "anomaly-forest.";
    private static final String DAY = "P1D";

    private ModelScopes() {
    }

    public static WindowScope of(ModelVersion version) {
        String series = version.parameters().get(SERIES_PARAMETER);
        if (series != null) {
            try {
                SeriesId id = SeriesId.parse(series);
                boolean daily = DAY.equals(id.resolution());
                return new WindowScope(id.carrier().code(), id.area(), id.source(), daily ? null : id.resolution(),
                        daily);
            } catch (IllegalArgumentException e) {
                return WindowScope.ALL;
            }
        }
        if (version.modelId().startsWith(FOREST_PREFIX)) {
            String[] parts = version.modelId().substring(FOREST_PREFIX.length()).split("\\.", -1);
            if (parts.length == 3) {
                return new WindowScope(parts[0], null, parts[1], parts[2], false);
            }
        }
        return WindowScope.ALL;
    }
}

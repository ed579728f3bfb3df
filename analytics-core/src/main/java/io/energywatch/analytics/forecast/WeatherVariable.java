package io.energywatch.analytics.forecast;

/**
 * The optional weather measures a forecaster may use beside the mean temperature. Each is a feature only when the
 * training history has it often enough (see {@link FeatureBuilder#fittedTo}); its id is the feature's name.
 */
public enum WeatherVariable {
    TEMP_MAX("tempMaxC", true),
    TEMP_MIN("tempMinC", true),
    WIND("windKmh", false),
    HUMIDITY("humidityPercent", false),
    CLOUD_COVER("cloudCoverPercent", false),
    VISIBILITY("visibilityKm", false);

    private final String id;
    private final boolean temperature;

    WeatherVariable(String id, boolean temperature) {
        this.id = id;
        this.temperature = temperature;
    }

    /** The feature name, also the field name of the what-if request and the history. */
    public String id() {
        return id;
    }

    /**
     * A daily temperature extreme: when unknown it is imputed from the day's own mean temperature (plus the training
     * mean of its offset from the mean), not from the training mean of the extreme, which would ignore the season.
     */
    public boolean temperature() {
        return temperature;
    }
}

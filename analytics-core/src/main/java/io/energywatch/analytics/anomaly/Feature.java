package io.energywatch.analytics.anomaly;

/**
 * The columns of a {@link FeatureFrame}, in a fixed order so a trained forest and its reference profile can name them.
 * Residual features are robust z-scores (residual over a robust scale), so one forest can serve a group of series of
 * different sizes.
 */
public enum Feature {
    /** The observed value in the series' unit. */
    VALUE("value"),
    /** Residual against the weekday × time-of-day baseline, in robust standard deviations. */
    SEASONAL_RESIDUAL("seasonal_residual_z"),
    /** Residual against the online degree-day regression, in robust standard deviations. */
    WEATHER_RESIDUAL("weather_residual_z"),
    /** Change since the previous value, in robust standard deviations of recent changes. */
    DELTA("delta_z"),
    /** Distance to the rolling median, in rolling MADs. */
    ROLLING_Z("rolling_robust_z"),
    /** How many consecutive identical values end at this point. */
    RUN_LENGTH("run_length"),
    /** Two-sided CUSUM of the residual: a persistent shift of the mean accumulates here. */
    LEVEL_CUSUM("level_cusum"),
    /** Short-term mean against long-term mean, in long-term standard deviations. */
    DRIFT("drift_z"),
    HOLIDAY("holiday"),
    WEEKEND("weekend"),
    STRIKE("strike");

    private static final Feature[] ALL = values();

    private final String key;

    Feature(String key) {
        this.key = key;
    }

    /** The snake-case name used in explanations, CSV columns and model metadata. */
    public String key() {
        return key;
    }

    public static int count() {
        return ALL.length;
    }

    public static Feature at(int ordinal) {
        return ALL[ordinal];
    }
}

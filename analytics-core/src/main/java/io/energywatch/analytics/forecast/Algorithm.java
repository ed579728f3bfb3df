package io.energywatch.analytics.forecast;

import java.util.Arrays;
import java.util.Optional;

/** The forecasting algorithms and the baselines they must beat; ids are what the REST API and the registry use. */
public enum Algorithm {
    RIDGE("ridge", false),
    RANDOM_FOREST("random-forest", false),
    GRADIENT_BOOSTING("gradient-boosting", false),
    /** The last value known when the forecast is made: horizon days back. */
    PERSISTENCE("persistence", true),
    /** The same weekday a whole number of weeks back, the first such day known at the horizon. */
    SAME_DAY_LAST_WEEK("same-day-last-week", true),
    /** The training mean of the same weekday within a week of the same day of the year. */
    CLIMATOLOGY("climatology", true);

    private final String id;
    private final boolean baseline;

    Algorithm(String id, boolean baseline) {
        this.id = id;
        this.baseline = baseline;
    }

    public String id() {
        return id;
    }

    public boolean baseline() {
        return baseline;
    }

    public static Optional<Algorithm> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equalsIgnoreCase(id) || a.name().equalsIgnoreCase(id))
                .findFirst();
    }
}

package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the daily feature builder computes.
 *
 * @param hddBaseC              heating degree-day base: below it demand grows with the cold (15 °C is the French
 *                              convention)
 * @param cddBaseC              cooling degree-day base
 * @param latitudeDeg           latitude of the area's reference point, for the day length
 * @param horizonDays           how far ahead the model forecasts: lag k is a feature only when k ≥ horizon, because the
 *                              value k days back must be known when the forecast is made
 * @param weatherFeatureMinShare an optional weather measure (maximum and minimum temperature, wind, humidity, cloud
 *                              cover, visibility) is a feature only when at least this share of the training days that
 *                              have an energy and a mean temperature also have it
 */
public record FeatureSettings(double hddBaseC, double cddBaseC, double latitudeDeg, int horizonDays,
                              double weatherFeatureMinShare) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Latitude of the geographic centre of metropolitan France. */
    public static final double FRANCE_LATITUDE = 46.6;

    /**
     * Four days in five: below that the imputed values would outweigh the measured ones, and the fitted effect would be
     * mostly the imputation's.
     */
    public static final double DEFAULT_WEATHER_FEATURE_MIN_SHARE = 0.8;

    public FeatureSettings {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be at least one day: " + horizonDays);
        }
        if (cddBaseC < hddBaseC) {
            throw new IllegalArgumentException("cooling base " + cddBaseC + " is below heating base " + hddBaseC);
        }
        // 0 is what a version serialised before this setting existed reads back as: it has no optional features.
        if (!(weatherFeatureMinShare >= 0 && weatherFeatureMinShare <= 1)) {
            throw new IllegalArgumentException("weather feature share must be within 0..1: " + weatherFeatureMinShare);
        }
    }

    public FeatureSettings(double hddBaseC, double cddBaseC, double latitudeDeg, int horizonDays) {
        this(hddBaseC, cddBaseC, latitudeDeg, horizonDays, DEFAULT_WEATHER_FEATURE_MIN_SHARE);
    }

    public static FeatureSettings national(int horizonDays) {
        return new FeatureSettings(15.0, 18.0, FRANCE_LATITUDE, horizonDays);
    }

    public FeatureSettings withHorizon(int days) {
        return new FeatureSettings(hddBaseC, cddBaseC, latitudeDeg, days, weatherFeatureMinShare);
    }
}

package io.energywatch.analytics.forecast;

import java.io.Serial;
import java.io.Serializable;

/**
 * What the daily feature builder computes.
 *
 * @param hddBaseC     heating degree-day base: below it demand grows with the cold (15 °C is the French convention)
 * @param cddBaseC     cooling degree-day base
 * @param latitudeDeg  latitude of the area's reference point, for the day length
 * @param horizonDays  how far ahead the model forecasts: lag k is a feature only when k ≥ horizon, because the value
 *                     k days back must be known when the forecast is made
 */
public record FeatureSettings(double hddBaseC, double cddBaseC, double latitudeDeg, int horizonDays)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Latitude of the geographic centre of metropolitan France. */
    public static final double FRANCE_LATITUDE = 46.6;

    public FeatureSettings {
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizon must be at least one day: " + horizonDays);
        }
        if (cddBaseC < hddBaseC) {
            throw new IllegalArgumentException("cooling base " + cddBaseC + " is below heating base " + hddBaseC);
        }
    }

    public static FeatureSettings national(int horizonDays) {
        return new FeatureSettings(15.0, 18.0, FRANCE_LATITUDE, horizonDays);
    }

    public FeatureSettings withHorizon(int days) {
        return new FeatureSettings(hddBaseC, cddBaseC, latitudeDeg, days);
    }
}

package io.energywatch.analytics.drift;

import java.util.Locale;

/**
 * The unit a feature's name tells (tempMeanC, TMoy, powerMw, energyMwh, humidityPercent, windKmh, …) and the words
 * for a shift of it, so a sentence reads "3.1 °C warmer" rather than "3.1 higher".
 */
public enum FeatureUnit {
    DEGREE_DAYS(" degree days", "higher", "lower"),
    CELSIUS(" °C", "warmer", "colder"),
    MWH(" MWh", "higher", "lower"),
    MW(" MW", "higher", "lower"),
    KWH(" kWh", "higher", "lower"),
    PERCENT(" points", "higher", "lower"),
    KMH(" km/h", "higher", "lower"),
    MINUTES(" min", "longer", "shorter"),
    NONE("", "higher", "lower");

    private final String symbol;
    private final String up;
    private final String down;

    FeatureUnit(String symbol, String up, String down) {
        this.symbol = symbol;
        this.up = up;
        this.down = down;
    }

    public String symbol() {
        return symbol;
    }

    public String direction(double delta) {
        return delta >= 0 ? up : down;
    }

    public static FeatureUnit of(String feature) {
        String name = feature.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (name.contains("degreeday") || name.equals("hdd") || name.equals("cdd") || name.equals("dju")) {
            return DEGREE_DAYS;
        }
        if (name.contains("temp") || name.matches("t(moy|min|max|mean)") || name.endsWith("°c")) {
            return CELSIUS;
        }
        if (name.contains("mwh")) {
            return MWH;
        }
        if (name.contains("kwh")) {
            return KWH;
        }
        if (name.endsWith("mw") || name.contains("powermw") || name.contains("mwmean")) {
            return MW;
        }
        if (name.contains("percent") || name.contains("humidity") || name.endsWith("pct")) {
            return PERCENT;
        }
        if (name.contains("kmh") || name.contains("wind")) {
            return KMH;
        }
        if (name.endsWith("min") && name.contains("length")) {
            return MINUTES;
        }
        return NONE;
    }
}

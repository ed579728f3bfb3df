package io.energywatch.analytics.forecast;

/**
 * The weather of a day beyond its mean temperature, as far as it is known: each measure is NaN when unknown. A region's
 * series gets what its weather source gives; ODRÉ temperatures give only the minimum and maximum.
 */
public record DailyWeather(double tempMinC, double tempMaxC, double windKmh, double humidityPercent,
                           double cloudCoverPercent, double visibilityKm) {

    /** Nothing known beyond the mean temperature. */
    public static final DailyWeather UNKNOWN = new DailyWeather(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN);

    /** The temperature extremes only (ODRÉ's regional temperatures). */
    public static DailyWeather extremes(double tempMinC, double tempMaxC) {
        return new DailyWeather(tempMinC, tempMaxC, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The measure of {@code variable}; NaN when unknown. */
    public double value(WeatherVariable variable) {
        return switch (variable) {
            case TEMP_MIN -> tempMinC;
            case TEMP_MAX -> tempMaxC;
            case WIND -> windKmh;
            case HUMIDITY -> humidityPercent;
            case CLOUD_COVER -> cloudCoverPercent;
            case VISIBILITY -> visibilityKm;
        };
    }

    public boolean has(WeatherVariable variable) {
        return Double.isFinite(value(variable));
    }
}

package io.energywatch.ingestion.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * Tunables of the simulated weather: a seasonal climatology per region plus day-to-day anomalies that follow an AR(1)
 * process shared in part between regions (weather systems cross the country).
 *
 * @param climates                 climate normals by INSEE region code
 * @param coldestDayOfYear         day of year of the coldest climatological day
 * @param arCoefficient            lag-one autocorrelation of daily temperature anomalies
 * @param anomalySdWinterC         standard deviation of the temperature anomaly in mid-winter
 * @param anomalySdSummerC         standard deviation of the temperature anomaly in mid-summer
 * @param nationalShare            share (0..1) of each day's anomaly innovation common to all regions
 * @param diurnalRangeSeasonality  relative change of the diurnal range between winter (-) and summer (+)
 * @param diurnalRangeCloudDamping relative shrinking of the diurnal range under full cloud cover
 * @param cloudSeasonalAmplitude   extra cloud cover (percent points) in mid-winter, less in mid-summer
 * @param cloudSd                  day-to-day standard deviation of cloud cover, percent points
 * @param windLogSd                standard deviation of log wind speed
 * @param windWinterExcess         relative excess of wind speed in mid-winter
 * @param humidityMeanPercent      mean relative humidity
 * @param humiditySeasonalAmplitude extra humidity in mid-winter, percent points
 * @param humidityPerCloudPercent  humidity points per cloud-cover point above the region's mean
 * @param humiditySd               day-to-day standard deviation of humidity, percent points
 * @param visibilityClearKm        visibility on a day of mean humidity
 * @param visibilityPerHumidityPercent kilometres lost per humidity point above the mean
 * @param visibilitySdKm           day-to-day standard deviation of visibility
 */
public record WeatherModel(Map<String, RegionClimate> climates, int coldestDayOfYear, double arCoefficient,
                           double anomalySdWinterC, double anomalySdSummerC, double nationalShare,
                           double diurnalRangeSeasonality, double diurnalRangeCloudDamping,
                           double cloudSeasonalAmplitude, double cloudSd, double windLogSd, double windWinterExcess,
                           double humidityMeanPercent, double humiditySeasonalAmplitude, double humidityPerCloudPercent,
                           double humiditySd, double visibilityClearKm, double visibilityPerHumidityPercent,
                           double visibilitySdKm) {

    public WeatherModel {
        climates = Map.copyOf(Objects.requireNonNull(climates, "climates"));
        if (arCoefficient < 0 || arCoefficient >= 1) {
            throw new IllegalArgumentException("arCoefficient must be in [0, 1), was " + arCoefficient);
        }
        if (nationalShare < 0 || nationalShare > 1) {
            throw new IllegalArgumentException("nationalShare must be in [0, 1], was " + nationalShare);
        }
    }

    /** Normals close to Météo-France's 1991–2020 values at each region's main city. */
    public static WeatherModel defaults() {
        return new WeatherModel(Map.ofEntries(
                Map.entry("11", new RegionClimate(12.4, 8.0, 8.5, 14, 65)),
                Map.entry("24", new RegionClimate(11.9, 7.9, 9.5, 14, 63)),
                Map.entry("27", new RegionClimate(11.2, 8.8, 9.5, 13, 64)),
                Map.entry("28", new RegionClimate(11.0, 6.4, 7.5, 19, 68)),
                Map.entry("32", new RegionClimate(11.0, 7.1, 7.5, 18, 69)),
                Map.entry("44", new RegionClimate(10.6, 9.2, 9.0, 12, 66)),
                Map.entry("52", new RegionClimate(12.6, 6.9, 8.5, 16, 63)),
                Map.entry("53", new RegionClimate(12.0, 5.9, 7.5, 19, 66)),
                Map.entry("75", new RegionClimate(13.7, 7.4, 10.0, 13, 58)),
                Map.entry("76", new RegionClimate(14.2, 8.1, 10.0, 16, 55)),
                Map.entry("84", new RegionClimate(12.4, 9.3, 10.0, 11, 60)),
                Map.entry("93", new RegionClimate(15.8, 8.2, 9.0, 17, 45)),
                Map.entry("94", new RegionClimate(16.3, 7.3, 8.0, 17, 45))),
                15, 0.8, 3.2, 2.4, 0.7, 0.2, 0.45, 12, 22, 0.4, 0.25, 77, 9, 0.25, 6, 28, 0.45, 5);
    }

    RegionClimate climate(String regionCode) {
        RegionClimate c = climates.get(regionCode);
        if (c == null) {
            throw new IllegalArgumentException("no climate normals for region " + regionCode);
        }
        return c;
    }
}

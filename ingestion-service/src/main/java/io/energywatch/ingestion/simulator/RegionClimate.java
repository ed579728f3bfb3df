package io.energywatch.ingestion.simulator;

/**
 * The climate normals of one region, the backbone of its simulated weather.
 *
 * @param annualMeanC         mean daily temperature over the year
 * @param seasonalAmplitudeC  half the difference between the warmest and coldest months' means
 * @param diurnalRangeC       mean gap between the day's maximum and minimum
 * @param meanWindKmh         mean daily wind speed
 * @param meanCloudPercent    mean cloud cover
 */
public record RegionClimate(double annualMeanC, double seasonalAmplitudeC, double diurnalRangeC, double meanWindKmh,
                            double meanCloudPercent) {
}

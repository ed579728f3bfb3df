package io.energywatch.ingestion.simulator;

import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * Simulated daily weather of the thirteen regions. Temperature is the region's seasonal normal plus an anomaly that
 * follows an AR(1) process whose innovations are partly national, partly regional; the other measures are drawn per day
 * around seasonal normals and are coupled to cloud cover.
 *
 * <p>Only the standardised temperature anomalies are kept, one double per region and day (from the day before the
 * simulation, which the buildings' thermal inertia looks back to): everything else is recomputed on demand from its own
 * random stream.
 */
final class WeatherGenerator {

    private static final double DAYS_PER_YEAR = 365.25;

    private final WeatherModel model;
    private final RandomStreams random;
    private final LocalDate firstDay;
    private final double[][] anomalies;
    private final @Nullable RegimeShift shift;

    WeatherGenerator(WeatherModel model, RandomStreams random, LocalDate from, LocalDate to,
                     @Nullable RegimeShift shift) {
        this.model = model;
        this.random = random;
        this.shift = shift;
        this.firstDay = from.minusDays(1);
        this.anomalies = simulateAnomalies(model, random, (int) (to.toEpochDay() - firstDay.toEpochDay() + 1));
    }

    /** Standardised anomalies z[day][region], each region's series a unit-variance AR(1). */
    private static double[][] simulateAnomalies(WeatherModel model, RandomStreams random, int days) {
        SplittableRandom rng = random.stream(RandomStreams.Purpose.WEATHER_ANOMALY);
        int regions = Regions.ALL.size();
        double phi = model.arCoefficient();
        double innovationSd = Math.sqrt(1 - phi * phi);
        double nationalWeight = Math.sqrt(model.nationalShare());
        double regionalWeight = Math.sqrt(1 - model.nationalShare());
        double[][] z = new double[days][regions];
        double national = rng.nextGaussian();
        for (int r = 0; r < regions; r++) {
            // Start from the stationary distribution so the first days are as variable as the rest.
            z[0][r] = nationalWeight * national + regionalWeight * rng.nextGaussian();
        }
        for (int d = 1; d < days; d++) {
            double shock = rng.nextGaussian();
            for (int r = 0; r < regions; r++) {
                double innovation = nationalWeight * shock + regionalWeight * rng.nextGaussian();
                z[d][r] = phi * z[d - 1][r] + innovationSd * innovation;
            }
        }
        return z;
    }

    DailyWeather weather(Region region, LocalDate date) {
        RegionClimate climate = model.climate(region.code());
        double winterness = winterness(date);
        double tempMean = temperature(region, date);

        SplittableRandom rng = random.stream(RandomStreams.Purpose.WEATHER_DAY, region.code(), date);
        double cloud = clamp(climate.meanCloudPercent() + model.cloudSeasonalAmplitude() * winterness
                + model.cloudSd() * rng.nextGaussian(), 0, 100);
        double range = climate.diurnalRangeC() * (1 - model.diurnalRangeSeasonality() * winterness)
                * (1 - model.diurnalRangeCloudDamping() * cloud / 100);
        double wind = climate.meanWindKmh() * (1 + model.windWinterExcess() * winterness)
                * Math.exp(model.windLogSd() * rng.nextGaussian() - model.windLogSd() * model.windLogSd() / 2);
        double humidity = clamp(model.humidityMeanPercent() + model.humiditySeasonalAmplitude() * winterness
                + model.humidityPerCloudPercent() * (cloud - climate.meanCloudPercent())
                + model.humiditySd() * rng.nextGaussian(), 0, 100);
        double visibility = clamp(model.visibilityClearKm()
                - model.visibilityPerHumidityPercent() * (humidity - model.humidityMeanPercent())
                + model.visibilitySdKm() * rng.nextGaussian(), 0.1, 70);
        return new DailyWeather(region.code(), date, tempMean - range / 2, tempMean + range / 2, tempMean, wind,
                humidity, visibility, cloud, DayLength.hours(region.latitude(), date.getDayOfYear()));
    }

    /** Daily mean temperature, °C. */
    double temperature(Region region, LocalDate date) {
        RegionClimate climate = model.climate(region.code());
        double winterness = winterness(date);
        double normal = climate.annualMeanC() - climate.seasonalAmplitudeC() * winterness;
        double anomalySd = model.anomalySdSummerC()
                + (model.anomalySdWinterC() - model.anomalySdSummerC()) * (1 + winterness) / 2;
        return normal + anomalySd * anomaly(region, date) + (shift == null ? 0 : shift.temperatureOffsetC(date));
    }

    /** +1 on the coldest day of the year, -1 half a year later. */
    private double winterness(LocalDate date) {
        return Math.cos(2 * Math.PI * (date.getDayOfYear() - model.coldestDayOfYear()) / DAYS_PER_YEAR);
    }

    private double anomaly(Region region, LocalDate date) {
        int day = (int) (date.toEpochDay() - firstDay.toEpochDay());
        if (day < 0 || day >= anomalies.length) {
            throw new IllegalArgumentException("no simulated weather for " + date);
        }
        return anomalies[day][Regions.ALL.indexOf(region)];
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}

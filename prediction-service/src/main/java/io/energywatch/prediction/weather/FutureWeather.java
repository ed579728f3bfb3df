package io.energywatch.prediction.weather;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.DailyWeather;
import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.SeriesId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The days a forecast is made for, with the weather each is given and where it came from: the one look-up both the
 * scheduled issuance and the on-demand forecasts use. From base day D (the series' last complete day), a day already
 * partly measured with a temperature keeps its measured weather ({@code OBSERVED}); otherwise the newest weather
 * forecast of the series' area issued before D ends ({@code FORECAST}: a forecast issued later was not known as of
 * D); otherwise the engine's climatological normal ({@code CLIMATOLOGY}). A national series (area FR) gets the
 * population-weighted mean of the regions' forecasts, as the fusion weights the national observed weather, and only
 * when every region has one for the day: a mean over some regions would be biased towards them.
 */
public final class FutureWeather {

    /** The future days in order and the weather basis of each. */
    public record Plan(List<DailyRecord> days, List<WeatherBasis> bases) {
    }

    private static final String NATIONAL = "FR";

    private final WeatherForecasts forecasts;
    private final ZoneId zone;

    public FutureWeather(WeatherForecasts forecasts, ZoneId zone) {
        this.forecasts = forecasts;
        this.zone = zone;
    }

    public Plan plan(String dailySeriesId, DailySeries daily, LocalDate base, int horizon) {
        LocalDate first = base.plusDays(1);
        LocalDate last = base.plusDays(horizon);
        Instant knownBy = base.plusDays(1).atStartOfDay(zone).toInstant();
        String area = area(dailySeriesId);
        List<String> regions = NATIONAL.equals(area) ? Regions.ALL.stream().map(Region::code).toList()
                : Regions.byCode(area).map(r -> List.of(r.code())).orElse(List.of());
        Map<String, Map<LocalDate, ForecastWeather>> byRegion = regions.isEmpty() ? Map.of()
                : forecasts.newest(regions, first, last, knownBy);
        var days = new ArrayList<DailyRecord>(horizon);
        var bases = new ArrayList<WeatherBasis>(horizon);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Optional<DailyRecord> measured = daily.get(d);
            boolean strike = measured.map(DailyRecord::strike).orElse(false);
            double strikers = measured.map(DailyRecord::strikerRatePercent).orElse(0.0);
            if (measured.isPresent() && measured.get().hasTemperature()) {
                DailyRecord r = measured.get();
                days.add(DailyRecord.future(d, r.tempMeanC(), r.weather(), strike, strikers));
                bases.add(WeatherBasis.OBSERVED);
                continue;
            }
            Optional<ForecastWeather> forecast = forecastOf(regions, byRegion, d);
            if (forecast.isPresent()) {
                ForecastWeather f = forecast.get();
                days.add(DailyRecord.future(d, f.tempMeanC(), new DailyWeather(f.tempMinC(), f.tempMaxC(),
                        nan(f.windKmh()), nan(f.humidityPercent()), nan(f.cloudCoverPercent()), Double.NaN), strike,
                        strikers));
                bases.add(WeatherBasis.FORECAST);
            } else {
                days.add(DailyRecord.future(d, Double.NaN, measured.map(DailyRecord::weather).orElse(null), strike,
                        strikers));
                bases.add(WeatherBasis.CLIMATOLOGY);
            }
        }
        return new Plan(List.copyOf(days), List.copyOf(bases));
    }

    /** The region's forecast, or for the nation the weighted mean when every region has one. */
    private static Optional<ForecastWeather> forecastOf(List<String> regions,
                                                        Map<String, Map<LocalDate, ForecastWeather>> byRegion,
                                                        LocalDate day) {
        if (regions.size() == 1) {
            return Optional.ofNullable(byRegion.getOrDefault(regions.getFirst(), Map.of()).get(day));
        }
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        double weights = 0;
        double min = 0;
        double max = 0;
        double mean = 0;
        double[] optional = new double[3];
        double[] optionalWeights = new double[3];
        Instant newest = Instant.MIN;
        for (String code : regions) {
            ForecastWeather f = byRegion.getOrDefault(code, Map.of()).get(day);
            if (f == null) {
                return Optional.empty();
            }
            double w = Regions.require(code).population();
            weights += w;
            min += w * f.tempMinC();
            max += w * f.tempMaxC();
            mean += w * f.tempMeanC();
            Double[] values = {f.windKmh(), f.humidityPercent(), f.cloudCoverPercent()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null) {
                    optional[i] += w * values[i];
                    optionalWeights[i] += w;
                }
            }
            newest = f.issuedAt().isAfter(newest) ? f.issuedAt() : newest;
        }
        return Optional.of(new ForecastWeather(NATIONAL, day, newest, min / weights, max / weights, mean / weights,
                weighted(optional[0], optionalWeights[0]), weighted(optional[1], optionalWeights[1]),
                weighted(optional[2], optionalWeights[2])));
    }

    private static Double weighted(double sum, double weights) {
        return weights > 0 ? sum / weights : null;
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static String area(String dailySeriesId) {
        try {
            return SeriesId.parse(dailySeriesId).area();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}

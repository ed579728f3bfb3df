package io.energywatch.prediction.weather;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The future-weather plan on an in-memory store: measured, forecast or climatology, and the national mean. */
class FutureWeatherTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate BASE = LocalDate.of(2024, 3, 10);
    private static final Instant ISSUED = BASE.atTime(6, 0).atZone(PARIS).toInstant();

    private final List<ForecastWeather> kept = new ArrayList<>();
    private final FutureWeather future = new FutureWeather(new InMemory(), PARIS);

    @Test
    void aMeasuredDayStaysObservedAndAForecastDayCarriesTheForecastsWeather() {
        kept.add(new ForecastWeather("11", BASE.plusDays(1), ISSUED, 1, 9, 5, 20.0, 70.0, null));
        kept.add(new ForecastWeather("11", BASE.plusDays(2), ISSUED, 2, 10, 6, null, null, 80.0));
        var daily = DailySeries.of(List.of(new DailyRecord(BASE, 1000, 4, false, 0),
                new DailyRecord(BASE.plusDays(1), Double.NaN, 7.5, true, 12)));

        var plan = future.plan("electricity:11:sim:P1D", daily, BASE, 3);

        assertThat(plan.bases()).containsExactly(WeatherBasis.OBSERVED, WeatherBasis.FORECAST,
                WeatherBasis.CLIMATOLOGY);
        assertThat(plan.days().get(0).tempMeanC()).isEqualTo(7.5);
        assertThat(plan.days().get(0).strike()).isTrue();
        DailyRecord forecast = plan.days().get(1);
        assertThat(forecast.tempMeanC()).isEqualTo(6.0);
        assertThat(forecast.weather().tempMinC()).isEqualTo(2.0);
        assertThat(forecast.weather().tempMaxC()).isEqualTo(10.0);
        assertThat(forecast.weather().cloudCoverPercent()).isEqualTo(80.0);
        assertThat(Double.isNaN(forecast.weather().windKmh())).isTrue();
        assertThat(Double.isNaN(plan.days().get(2).tempMeanC())).isTrue();
    }

    @Test
    void theNationalSeriesUsesThePopulationWeightedMeanOnlyWhenEveryRegionHasAForecast() {
        double weighted = 0;
        for (Region r : Regions.ALL) {
            double mean = Integer.parseInt(r.code()) / 10.0;
            kept.add(new ForecastWeather(r.code(), BASE.plusDays(1), ISSUED, mean - 1, mean + 1, mean, null, null,
                    null));
            weighted += mean * r.population();
            if (!r.code().equals("94")) {
                kept.add(new ForecastWeather(r.code(), BASE.plusDays(2), ISSUED, mean - 1, mean + 1, mean, null, null,
                        null));
            }
        }
        weighted /= Regions.totalPopulation();

        var plan = future.plan("electricity:FR:odre:P1D", DailySeries.of(List.of(
                new DailyRecord(BASE, 1000, 4, false, 0))), BASE, 2);

        assertThat(plan.bases()).containsExactly(WeatherBasis.FORECAST, WeatherBasis.CLIMATOLOGY);
        assertThat(plan.days().getFirst().tempMeanC()).isCloseTo(weighted, org.assertj.core.data.Offset.offset(1e-9));
    }

    /** Same selection as the MongoDB store: per region and day, the newest issued before the cut. */
    private final class InMemory implements WeatherForecasts {

        @Override
        public void saveAll(List<ForecastWeather> forecasts) {
            kept.addAll(forecasts);
        }

        @Override
        public Map<String, Map<LocalDate, ForecastWeather>> newest(Collection<String> regions, LocalDate from,
                                                                   LocalDate to, Instant issuedBefore) {
            Map<String, Map<LocalDate, ForecastWeather>> out = new HashMap<>();
            for (ForecastWeather f : kept) {
                if (regions.contains(f.regionCode()) && !f.targetDate().isBefore(from) && !f.targetDate().isAfter(to)
                        && f.issuedAt().isBefore(issuedBefore)) {
                    out.computeIfAbsent(f.regionCode(), k -> new HashMap<>()).merge(f.targetDate(), f,
                            (a, b) -> b.issuedAt().isAfter(a.issuedAt()) ? b : a);
                }
            }
            return out;
        }
    }
}

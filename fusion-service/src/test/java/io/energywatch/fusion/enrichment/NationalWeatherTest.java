package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.Regions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static io.energywatch.fusion.enrichment.Events.NATIONAL;
import static io.energywatch.fusion.enrichment.Events.at;
import static io.energywatch.fusion.enrichment.Events.halfHour;
import static io.energywatch.fusion.enrichment.Events.weatherMean;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** National series take the population-weighted mean of the regions' weather, and say which regions it used. */
class NationalWeatherTest {

    private static final LocalDate DAY = LocalDate.of(2024, 2, 1);

    @Test
    void aNationalSeriesGetsThePopulationWeightedMeanOfTheRegionsObserved() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weatherMean("11", DAY, 4.0), weatherMean("93", DAY, 12.0), weatherMean("94", DAY, 14.0));
            fusion.measure(halfHour(NATIONAL, at("2024-02-01T08:00:00Z"), 61_000));

            WeatherContext w = fusion.drain().getFirst().weather();
            long p11 = Regions.require("11").population();
            long p93 = Regions.require("93").population();
            long p94 = Regions.require("94").population();
            double expected = (4.0 * p11 + 12.0 * p93 + 14.0 * p94) / (p11 + p93 + p94);
            assertThat(w.missing()).isFalse();
            assertThat(w.tempMeanC()).isCloseTo(expected, within(0.005));
            assertThat(w.heatingDegreeDays()).isCloseTo(18.0 - expected, within(0.01));
            assertThat(w.basis()).isEqualTo("population-weighted-national 3/13 regions");
            assertThat(w.sources()).containsExactly(
                    "11:" + weight(p11, p11 + p93 + p94), "93:" + weight(p93, p11 + p93 + p94),
                    "94:" + weight(p94, p11 + p93 + p94));
        }
    }

    @Test
    void windHumidityVisibilityAndCloudCoverAreWeightedOverTheRegionsThatHaveThem() {
        try (var fusion = new FusionDriver()) {
            // Corse (94) has no visibility: the visibility is weighted over 11 and 93 only.
            fusion.observe(Events.weather("11", DAY, 1.0, 7.0, 10.0, 80.0, 4.0, 90.0),
                    Events.weather("93", DAY, 8.0, 16.0, 30.0, 60.0, 20.0, 10.0),
                    Events.weather("94", DAY, 9.0, 17.0, 20.0, 70.0, null, 30.0));
            fusion.measure(halfHour(NATIONAL, at("2024-02-01T08:00:00Z"), 61_000));

            WeatherContext w = fusion.drain().getFirst().weather();
            long p11 = Regions.require("11").population();
            long p93 = Regions.require("93").population();
            long p94 = Regions.require("94").population();
            long all = p11 + p93 + p94;
            assertThat(w.windKmh()).isCloseTo((10.0 * p11 + 30.0 * p93 + 20.0 * p94) / all, within(0.005));
            assertThat(w.humidityPercent()).isCloseTo((80.0 * p11 + 60.0 * p93 + 70.0 * p94) / all, within(0.005));
            assertThat(w.cloudCoverPercent()).isCloseTo((90.0 * p11 + 10.0 * p93 + 30.0 * p94) / all, within(0.005));
            assertThat(w.visibilityKm()).isCloseTo((4.0 * p11 + 20.0 * p93) / (p11 + p93), within(0.005));
        }
    }

    @Test
    void eachRegionalWeatherArrivingLaterUpdatesTheNationalRecords() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(halfHour(NATIONAL, at("2024-02-01T08:00:00Z"), 61_000));
            assertThat(fusion.drain().getFirst().weather().missing()).isTrue();

            fusion.observe(weatherMean("11", DAY, 4.0));
            assertThat(fusion.drain()).singleElement().satisfies(e -> {
                assertThat(e.weather().tempMeanC()).isEqualTo(4.0);
                assertThat(e.weather().sources()).containsExactly("11:1.0000");
            });

            fusion.observe(weatherMean("93", DAY, 12.0));
            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isBetween(4.1, 11.9));
        }
    }

    @Test
    void regionalSeriesKeepTheirOwnRegionsWeather() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weatherMean("11", DAY, 4.0), weatherMean("93", DAY, 12.0));
            fusion.measure(halfHour(Events.PACA, at("2024-02-01T08:00:00Z"), 6_100));

            assertThat(fusion.drain().getFirst().weather().tempMeanC()).isEqualTo(12.0);
        }
    }

    private static String weight(long population, long total) {
        return String.format(java.util.Locale.ROOT, "%.4f", (double) population / total);
    }
}

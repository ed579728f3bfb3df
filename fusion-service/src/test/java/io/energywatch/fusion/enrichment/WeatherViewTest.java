package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.Region;
import io.energywatch.contracts.Regions;
import io.energywatch.contracts.WeatherObserved;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.NATIONAL;
import static io.energywatch.fusion.enrichment.Events.at;
import static io.energywatch.fusion.enrichment.Events.halfHour;
import static io.energywatch.fusion.enrichment.Events.hour;
import static io.energywatch.fusion.enrichment.Events.weather;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The weather view (what the instance read from the raw weather topic) against the task's own weather, which arrives
 * through the broadcast: a record goes out once when either knows the day's weather, and whatever order the two
 * paths deliver it in, the last emission of every record carries the weather the task finally holds.
 */
class WeatherViewTest {

    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);

    /** A view the test fills, as the global thread would while the task runs. */
    static final class MapView implements WeatherView {
        final Map<String, WeatherObserved> byKey = new TreeMap<>();

        void publish(WeatherObserved w) {
            byKey.put(w.date() + "|" + w.regionCode(), w);
        }

        @Override
        public @Nullable WeatherObserved get(LocalDate date, String regionCode) {
            return byKey.get(date + "|" + regionCode);
        }

        @Override
        public Map<String, WeatherObserved> day(LocalDate date) {
            Map<String, WeatherObserved> day = new HashMap<>();
            byKey.forEach((k, w) -> {
                if (w.date().equals(date)) {
                    day.put(w.regionCode(), w);
                }
            });
            return day;
        }
    }

    @Test
    void weatherAlreadyInTheViewEnrichesAtOnceAndItsBroadcastReEmitsNothing() {
        var view = new MapView();
        view.publish(weather("53", JAN_15, 2.0, 9.0));
        try (var fusion = new FusionDriver(view)) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0),
                    hour(BRETAGNE, at("2024-01-15T09:00:00Z"), 830.0));
            assertThat(fusion.drain()).hasSize(2).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));

            assertThat(fusion.drain()).isEmpty();
        }
    }

    @Test
    void aDayAlreadyResolvedWaitsForTheBroadcastWhichThenReEmitsItOnce() {
        var view = new MapView();
        try (var fusion = new FusionDriver(view)) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            List<ConsumptionEnriched> first = fusion.drain();
            assertThat(first).singleElement().satisfies(e -> assertThat(e.weather().missing()).isTrue());

            // The view is read when a (day, area) is resolved, not for every record: the day stays as resolved.
            view.publish(weather("53", JAN_15, 2.0, 9.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T09:00:00Z"), 830.0));
            assertThat(fusion.drain()).singleElement().satisfies(e -> assertThat(e.weather().missing()).isTrue());

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            List<ConsumptionEnriched> again = fusion.drain();
            assertThat(again).extracting(e -> e.measurement().intervalStart())
                    .containsExactly(at("2024-01-15T08:00:00Z"), at("2024-01-15T09:00:00Z"));
            assertThat(again).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));
            assertThat(again.getFirst().eventId()).isEqualTo(first.getFirst().eventId());
        }
    }

    @Test
    void theFirstBroadcastRegionOfADayResolvesTheNationalContextWithTheViewsOtherRegions() {
        var view = new MapView();
        try (var fusion = new FusionDriver(view)) {
            fusion.measure(halfHour(NATIONAL, at("2024-01-15T08:00:00Z"), 60_000.0));
            assertThat(fusion.drain()).singleElement().satisfies(e -> assertThat(e.weather().missing()).isTrue());
            Regions.ALL.forEach(r -> view.publish(weather(r.code(), JAN_15, 2.0, 9.0)));

            // One region reaches the task: the national context is recomputed over the task's region and the view's.
            fusion.observe(weather(Regions.ALL.getFirst().code(), JAN_15, 2.0, 9.0));
            assertThat(fusion.drain()).singleElement().satisfies(e ->
                    assertThat(e.weather().basis()).isEqualTo("population-weighted-national 13/13 regions"));

            // The other twelve bring nothing new: no more re-emission.
            Regions.ALL.stream().skip(1).forEach(r -> fusion.observe(weather(r.code(), JAN_15, 2.0, 9.0)));
            assertThat(fusion.drain()).isEmpty();
        }
    }

    @Test
    void theTasksOwnWeatherWinsOverAnOlderVersionInTheView() {
        var view = new MapView();
        view.publish(weather("53", JAN_15, 2.0, 9.0));
        try (var fusion = new FusionDriver(view)) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            assertThat(fusion.drain()).singleElement().satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));

            // The broadcast delivers the original, then a correction the view has not caught up with.
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            assertThat(fusion.drain()).isEmpty();
            fusion.observe(weather("53", JAN_15, 4.0, 10.0));

            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(7.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T09:00:00Z"), 830.0));
            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(7.0));
        }
    }

    @Test
    void nationalRecordsTakeTheViewsRegionsAndAreReEmittedOnlyWhenTheNationalContextChanges() {
        var view = new MapView();
        List<Region> regions = Regions.ALL;
        regions.forEach(r -> view.publish(weather(r.code(), JAN_15, 2.0, 9.0)));
        try (var fusion = new FusionDriver(view)) {
            fusion.measure(halfHour(NATIONAL, at("2024-01-15T08:00:00Z"), 60_000.0));
            assertThat(fusion.drain()).singleElement().satisfies(e -> {
                assertThat(e.weather().basis()).isEqualTo("population-weighted-national 13/13 regions");
                assertThat(e.weather().tempMeanC()).isEqualTo(5.5);
            });

            // The same observations through the broadcast: the national context is unchanged.
            regions.forEach(r -> fusion.observe(weather(r.code(), JAN_15, 2.0, 9.0)));
            assertThat(fusion.drain()).isEmpty();

            // A correction of one region moves the national mean: the national record is re-emitted, once.
            fusion.observe(weather(regions.getFirst().code(), JAN_15, 12.0, 19.0));
            List<ConsumptionEnriched> again = fusion.drain();
            assertThat(again).singleElement().satisfies(e -> assertThat(e.weather().tempMeanC()).isGreaterThan(5.5));
        }
    }
}

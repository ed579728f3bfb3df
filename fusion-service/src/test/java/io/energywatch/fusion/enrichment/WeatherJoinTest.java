package io.energywatch.fusion.enrichment;

import io.energywatch.contracts.CloudEventHeaders;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityFlag;
import io.energywatch.contracts.QualityStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.energywatch.fusion.enrichment.Events.BRETAGNE;
import static io.energywatch.fusion.enrichment.Events.at;
import static io.energywatch.fusion.enrichment.Events.hour;
import static io.energywatch.fusion.enrichment.Events.weather;
import static org.assertj.core.api.Assertions.assertThat;

/** A measurement takes its region's weather of its local day, whichever arrives first. */
class WeatherJoinTest {

    private static final LocalDate JAN_15 = LocalDate.of(2024, 1, 15);

    @Test
    void weatherKnownBeforeTheMeasurementEnrichesItAtOnce() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));

            var records = fusion.drainRecords();
            assertThat(records).hasSize(1);
            ConsumptionEnriched e = records.getFirst().value();
            assertThat(records.getFirst().key()).isEqualTo(BRETAGNE.toString());
            assertThat(e.localDate()).isEqualTo(JAN_15);
            assertThat(e.weather().missing()).isFalse();
            assertThat(e.weather().tempMeanC()).isEqualTo(5.5);
            assertThat(e.weather().tempMinC()).isEqualTo(2.0);
            assertThat(e.weather().windKmh()).isEqualTo(12.0);
            assertThat(e.weather().humidityPercent()).isEqualTo(80.0);
            assertThat(e.weather().visibilityKm()).isEqualTo(9.5);
            assertThat(e.weather().cloudCoverPercent()).isEqualTo(50.0);
            assertThat(e.weather().heatingDegreeDays()).isEqualTo(12.5);
            assertThat(e.weather().coolingDegreeDays()).isZero();
            assertThat(e.weather().basis()).isEqualTo("region");
            assertThat(e.weather().sources()).containsExactly("historique-meteo");
            assertThat(e.measurement().powerMw()).isEqualTo(812.0);
            var ce = CloudEventHeaders.readFrom(records.getFirst().headers());
            assertThat(ce.type()).isEqualTo("energywatch.consumption.enriched.v1");
            assertThat(ce.id()).isEqualTo(e.eventId());
            // The record time is when the platform accepted the input, so backfilled years are not lost to retention.
            assertThat(records.getFirst().timestamp()).isEqualTo(Events.LINEAGE.ingestedAt().toEpochMilli());
        }
    }

    @Test
    void weatherArrivingAfterTheMeasurementsReEmitsThemWithTheSameKeyAndEventId() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0),
                    hour(BRETAGNE, at("2024-01-15T09:00:00Z"), 830.0));
            List<ConsumptionEnriched> first = fusion.drain();
            assertThat(first).hasSize(2).allSatisfy(e -> assertThat(e.weather().missing()).isTrue());

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            List<ConsumptionEnriched> again = fusion.drain();

            assertThat(again).hasSize(2).allSatisfy(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));
            assertThat(again).extracting(ConsumptionEnriched::eventId)
                    .containsExactlyElementsOf(first.stream().map(ConsumptionEnriched::eventId).toList());
            assertThat(again).extracting(e -> e.measurement().intervalStart())
                    .containsExactly(at("2024-01-15T08:00:00Z"), at("2024-01-15T09:00:00Z"));
        }
    }

    @Test
    void aCorrectionOfTheVisibilityAloneReEmitsTheDay() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            fusion.drain();

            fusion.observe(weather("53", JAN_15, 2.0, 9.0, 12.0, 80.0, 0.4, 50.0));

            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().visibilityKm()).isEqualTo(0.4));
        }
    }

    @Test
    void weatherOfAnotherDayOrRegionReEmitsNothing() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            fusion.drain();

            fusion.observe(weather("53", JAN_15.plusDays(1), 1.0, 3.0), weather("11", JAN_15, 1.0, 3.0));

            assertThat(fusion.drain()).isEmpty();
        }
    }

    @Test
    void theSameWeatherReceivedTwiceReEmitsNothingButACorrectionDoes() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            fusion.drain();

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            assertThat(fusion.drain()).isEmpty();

            fusion.observe(weather("53", JAN_15, 3.0, 9.0));
            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(6.0));
        }
    }

    @Test
    void outOfOrderMeasurementsTakeTheWeatherOfTheirOwnDay() {
        try (var fusion = new FusionDriver()) {
            fusion.observe(weather("53", JAN_15, 2.0, 9.0), weather("53", JAN_15.minusDays(1), -4.0, 0.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-15T10:00:00Z"), 800.0),
                    hour(BRETAGNE, at("2024-01-14T10:00:00Z"), 950.0),
                    hour(BRETAGNE, at("2024-01-15T09:00:00Z"), 790.0));

            assertThat(fusion.drain()).extracting(e -> e.localDate() + " " + e.weather().tempMeanC())
                    .containsExactly("2024-01-15 5.5", "2024-01-14 -2.0", "2024-01-15 5.5");
        }
    }

    @Test
    void weatherLaterThanTheGracePeriodOfTheWeatherStreamReEmitsNothingAndLateMeasurementsAreStillEnriched() {
        try (var fusion = new FusionDriver(FusionDriver.settings(Duration.ofDays(2)))) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            // Both streams move to 20 January: the 15th ended more than two days ago for each.
            fusion.observe(weather("53", JAN_15.plusDays(5), 3.0, 8.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-20T08:00:00Z"), 700.0));
            fusion.drain();

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));
            assertThat(fusion.drain()).isEmpty();

            // A measurement past the grace is still enriched with what is known, never dropped.
            fusion.measure(hour(BRETAGNE, at("2024-01-15T11:00:00Z"), 790.0));
            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.weather().tempMeanC()).isEqualTo(5.5));
        }
    }

    @Test
    void inABackfillConsumptionRunningDaysAheadOfTheWeatherIsKeptUntilItsWeatherArrives() {
        try (var fusion = new FusionDriver(FusionDriver.settings(Duration.ofDays(2)))) {
            // A month of consumption arrives before any weather, as when a file or a simulation is loaded in bulk.
            for (int day = 0; day < 30; day++) {
                fusion.measure(hour(BRETAGNE, at("2024-01-01T08:00:00Z").plus(Duration.ofDays(day)), 800.0 + day));
            }
            assertThat(fusion.drain()).hasSize(30).allSatisfy(e -> assertThat(e.weather().missing()).isTrue());

            fusion.observe(weather("53", LocalDate.of(2024, 1, 1), 2.0, 9.0));
            fusion.observe(weather("53", LocalDate.of(2024, 1, 2), 4.0, 11.0));

            assertThat(fusion.drain()).hasSize(2).allSatisfy(e -> assertThat(e.weather().missing()).isFalse())
                    .extracting(ConsumptionEnriched::localDate)
                    .containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2));
        }
    }

    @Test
    void oneRegionsNewerWeatherDoesNotExpireDaysAnotherRegionsWeatherHasNotReachedYet() {
        try (var fusion = new FusionDriver(FusionDriver.settings(Duration.ofDays(2)))) {
            SeriesId paris = SeriesId.parse("electricity:11:sim:PT1H");
            fusion.measure(hour(BRETAGNE, at("2024-01-01T08:00:00Z"), 800.0), hour(paris, at("2024-01-01T08:00:00Z"),
                    9000.0));
            fusion.observe(weather("11", LocalDate.of(2024, 1, 1), 1.0, 5.0));
            // Île-de-France's weather runs ten days ahead of Bretagne's, as regions reach a task interleaved.
            for (int day = 2; day <= 10; day++) {
                fusion.observe(weather("11", LocalDate.of(2024, 1, day), 1.0, 5.0));
                fusion.measure(hour(paris, at("2024-01-01T08:00:00Z").plus(Duration.ofDays(day - 1)), 9000.0));
            }
            fusion.drain();

            fusion.observe(weather("53", LocalDate.of(2024, 1, 1), 2.0, 9.0));

            assertThat(fusion.drain()).singleElement().satisfies(e -> {
                assertThat(e.measurement().seriesId()).isEqualTo(BRETAGNE.toString());
                assertThat(e.weather().tempMeanC()).isEqualTo(5.5);
            });
        }
    }

    @Test
    void weatherWithinTheGracePeriodStillReEmitsADayThatEndedEarlier() {
        try (var fusion = new FusionDriver(FusionDriver.settings(Duration.ofDays(2)))) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));
            fusion.measure(hour(BRETAGNE, at("2024-01-17T08:00:00Z"), 700.0));
            fusion.drain();

            fusion.observe(weather("53", JAN_15, 2.0, 9.0));

            assertThat(fusion.drain()).singleElement()
                    .satisfies(e -> assertThat(e.measurement().intervalStart()).isEqualTo(at("2024-01-15T08:00:00Z")));
        }
    }

    @Test
    void missingWeatherIsAFlagAndNullsNeverZero() {
        try (var fusion = new FusionDriver()) {
            fusion.measure(hour(BRETAGNE, at("2024-01-15T08:00:00Z"), 812.0));

            var w = fusion.drain().getFirst().weather();
            assertThat(w.missing()).isTrue();
            assertThat(w.tempMinC()).isNull();
            assertThat(w.tempMaxC()).isNull();
            assertThat(w.tempMeanC()).isNull();
            assertThat(w.windKmh()).isNull();
            assertThat(w.humidityPercent()).isNull();
            assertThat(w.cloudCoverPercent()).isNull();
            assertThat(w.visibilityKm()).isNull();
            assertThat(w.heatingDegreeDays()).isNull();
            assertThat(w.coolingDegreeDays()).isNull();
            assertThat(w.sources()).isEmpty();
        }
    }

    @Test
    void aMissingMeasurementIsEnrichedToo() {
        try (var fusion = new FusionDriver()) {
            var missing = ConsumptionMeasured.of(BRETAGNE, "53", at("2024-01-15T08:00:00Z"),
                    at("2024-01-15T09:00:00Z"), null, MeasurementUnit.MW, QualityStatus.CONSOLIDATED,
                    List.of(QualityFlag.MISSING), Events.LINEAGE);
            fusion.measure(missing);

            assertThat(fusion.drain()).singleElement().satisfies(e -> {
                assertThat(e.measurement().missing()).isTrue();
                assertThat(e.measurement().powerMw()).isNull();
            });
        }
    }
}

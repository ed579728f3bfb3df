package io.energywatch.prediction.history;

import com.mongodb.client.MongoClients;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.testsupport.MongoWireTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The daily history on the MongoDB wire server, for sources that publish both sub-daily and daily values. */
class MongoDailyHistoryTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate DAY = LocalDate.of(2024, 2, 6);
    private static final Lineage LINEAGE = new Lineage("simulator", "job", null, Instant.parse("2024-04-01T00:00:00Z"));

    @Test
    void aSourcesOwnDailyValueIsTheDaysEnergyEvenWhenItsHalfHoursAreKnownToo() {
        try (var client = MongoClients.create(MongoWireTestServer.shared().uri("daily-history-test"))) {
            var history = new MongoDailyHistory(new MongoTemplate(client, "daily-history-test"),
                    "prediction_daily_history", PARIS);
            Instant start = DAY.atStartOfDay(PARIS).toInstant();
            for (int slot = 0; slot < 48; slot++) {
                Instant s = start.plusSeconds(1800L * slot);
                history.record(enriched(ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:PT30M"), "11", s,
                        s.plusSeconds(1800), 10_000.0, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(),
                        LINEAGE)));
            }
            // The source's daily value starts at the same instant as the first half-hour.
            history.record(enriched(ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:P1D"), "11", start,
                    start.plusSeconds(86_400), 240_500.0, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(),
                    LINEAGE)));

            var days = history.load("electricity:11:sim:P1D").records();
            assertThat(days).singleElement().satisfies(d -> assertThat(d.energyMwh()).isEqualTo(240_500.0));
        }
    }

    @Test
    void aBatchStoresTheSameDaysAsOneRecordAtATime() {
        try (var client = MongoClients.create(MongoWireTestServer.shared().uri("daily-history-test-batch"))) {
            var template = new MongoTemplate(client, "daily-history-test-batch");
            var oneByOne = new MongoDailyHistory(template, "one_by_one", PARIS);
            var batched = new MongoDailyHistory(template, "batched", PARIS);
            List<ConsumptionEnriched> records = new ArrayList<>();
            Instant start = DAY.atStartOfDay(PARIS).toInstant();
            // Two series over two and a half days, one half-hour replayed with a corrected value.
            for (String series : List.of("electricity:11:sim:PT30M", "gas:11:sim:PT30M")) {
                for (int slot = 0; slot < 120; slot++) {
                    Instant s = start.plusSeconds(1800L * slot);
                    records.add(enriched(ConsumptionMeasured.of(SeriesId.parse(series), "11", s, s.plusSeconds(1800),
                            10_000.0 + slot, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), LINEAGE)));
                }
            }
            records.add(enriched(ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:PT30M"), "11", start,
                    start.plusSeconds(1800), 12_345.0, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(), LINEAGE)));

            records.forEach(oneByOne::record);
            batched.recordAll(records);

            assertThat(template.getCollection("batched").countDocuments()).isEqualTo(6);
            for (String series : List.of("electricity:11:sim:P1D", "gas:11:sim:P1D")) {
                assertThat(batched.load(series).records()).isEqualTo(oneByOne.load(series).records()).hasSize(3);
            }
            assertThat(batched.load("electricity:11:sim:P1D").records().getFirst().energyMwh())
                    .isEqualTo(oneByOne.load("electricity:11:sim:P1D").records().getFirst().energyMwh());
        }
    }

    @Test
    void withoutADailyValueTheHalfHoursOfACompleteDayAddUp() {
        try (var client = MongoClients.create(MongoWireTestServer.shared().uri("daily-history-test-2"))) {
            var history = new MongoDailyHistory(new MongoTemplate(client, "daily-history-test-2"),
                    "prediction_daily_history", PARIS);
            Instant start = DAY.atStartOfDay(PARIS).toInstant();
            for (int slot = 0; slot < 48; slot++) {
                Instant s = start.plusSeconds(1800L * slot);
                history.record(enriched(ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:PT30M"), "11", s,
                        s.plusSeconds(1800), 10_000.0, MeasurementUnit.MW, QualityStatus.SIMULATED, List.of(),
                        LINEAGE)));
            }
            assertThat(history.load("electricity:11:sim:P1D").records()).singleElement()
                    .satisfies(d -> assertThat(d.energyMwh()).isEqualTo(240_000.0));
        }
    }

    @Test
    void theDayKeepsEveryWeatherMeasureTheEnrichedStreamGivesAndNothingForAMissingOne() {
        try (var client = MongoClients.create(MongoWireTestServer.shared().uri("daily-history-test-3"))) {
            var history = new MongoDailyHistory(new MongoTemplate(client, "daily-history-test-3"),
                    "prediction_daily_history", PARIS);
            Instant start = DAY.atStartOfDay(PARIS).toInstant();
            var weather = new WeatherContext(false, 2.0, 9.0, 5.5, 31.0, 87.0, null, 3.5, 12.5, 0.0, "region",
                    List.of("sim"));
            history.record(enriched(ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:P1D"), "11", start,
                    start.plusSeconds(86_400), 240_500.0, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(),
                    LINEAGE), weather));

            var day = history.load("electricity:11:sim:P1D").get(DAY).orElseThrow();

            assertThat(day.tempMeanC()).isEqualTo(5.5);
            assertThat(day.weather().tempMinC()).isEqualTo(2.0);
            assertThat(day.weather().tempMaxC()).isEqualTo(9.0);
            assertThat(day.weather().windKmh()).isEqualTo(31.0);
            assertThat(day.weather().humidityPercent()).isEqualTo(87.0);
            assertThat(day.weather().cloudCoverPercent()).isNaN();
            assertThat(day.weather().visibilityKm()).isEqualTo(3.5);
        }
    }

    @Test
    void aDayWithoutVisibilityHasNoneAndALaterRecordOfTheDayWithItFillsItIn() {
        try (var client = MongoClients.create(MongoWireTestServer.shared().uri("daily-history-test-4"))) {
            var history = new MongoDailyHistory(new MongoTemplate(client, "daily-history-test-4"),
                    "prediction_daily_history", PARIS);
            Instant start = DAY.atStartOfDay(PARIS).toInstant();
            var daily = ConsumptionMeasured.of(SeriesId.parse("electricity:11:sim:P1D"), "11", start,
                    start.plusSeconds(86_400), 240_500.0, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(),
                    LINEAGE);
            // A record written before the contract had visibility reads with a null one.
            history.record(enriched(daily));
            assertThat(history.load("electricity:11:sim:P1D").get(DAY).orElseThrow().weather().visibilityKm())
                    .isNaN();

            // Late weather re-emits the day with its visibility, which overwrites the unknown.
            history.record(enriched(daily, new WeatherContext(false, 2.0, 9.0, 5.5, null, null, null, 8.0, 12.5, 0.0,
                    "region", List.of("historique-meteo"))));
            assertThat(history.load("electricity:11:sim:P1D").get(DAY).orElseThrow().weather().visibilityKm())
                    .isEqualTo(8.0);
        }
    }

    private static ConsumptionEnriched enriched(ConsumptionMeasured m) {
        return enriched(m, new WeatherContext(false, 2.0, 9.0, 5.5, null, null, null, null, 12.5, 0.0, "region",
                List.of("sim")));
    }

    private static ConsumptionEnriched enriched(ConsumptionMeasured m, WeatherContext weather) {
        LocalDate day = LocalDate.ofInstant(m.intervalStart(), PARIS);
        return new ConsumptionEnriched(null, m, day, weather,
                new CalendarContext(day.getDayOfWeek(), false, false, null, false, null), SocialContext.none());
    }
}

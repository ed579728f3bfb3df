package io.energywatch.prediction.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.energywatch.analytics.forecast.Algorithm;
import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.forecast.ForecastEngineSettings;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.Topic;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.HistoryActivity;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.weather.ForecastWeather;
import io.energywatch.prediction.weather.FutureWeather;
import io.energywatch.prediction.weather.MongoWeatherForecasts;
import io.energywatch.service.kafka.EventPublisher;
import io.energywatch.testsupport.MongoWireTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The issuer's catch-up on a fixed clock, without Spring: it waits for a quiet history, issues each (series, base day,
 * horizon, model version) once, scores steps as their days complete, once, and indexes what an outage left behind.
 */
class ForecastIssuerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String SERIES = "electricity:11:sim:P1D";
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final Duration QUIET = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final Map<LocalDate, DailyRecord> days = new TreeMap<>();
    private final List<ConsumptionForecast> published = new ArrayList<>();
    private final List<AccuracyRecord> indexed = new ArrayList<>();
    private boolean indexDown;
    private MongoClient client;
    private HistoryActivity activity;
    private IssuedForecastStore issues;
    private AccuracyStore accuracy;
    private MongoWeatherForecasts weatherForecasts;
    private ForecastIssuer issuer;

    @BeforeEach
    void setUp() throws IOException {
        String database = "issuer-" + UUID.randomUUID();
        client = MongoClients.create(MongoWireTestServer.shared().uri(database));
        var mongo = new MongoTemplate(client, database);
        issues = new IssuedForecastStore(mongo, "forecast_issues");
        accuracy = new AccuracyStore(mongo, "forecast_accuracy");
        weatherForecasts = new MongoWeatherForecasts(mongo, "prediction_weather_forecasts");
        activity = new HistoryActivity(clock);
        DailyHistory history = new DailyHistory() {
            @Override
            public void record(ConsumptionEnriched enriched) {
                throw new UnsupportedOperationException("days are added by the test");
            }

            @Override
            public DailySeries load(String dailySeriesId) {
                return DailySeries.of(dailySeriesId.equals(SERIES) ? days.values() : List.of());
            }

            @Override
            public List<String> seriesIds() {
                return days.isEmpty() ? List.of() : List.of(SERIES);
            }
        };
        var engine = new ForecastEngine(ForecastEngineSettings.defaults().withTrees(10, 20));
        var registry = new LocalModelRegistry(Files.createTempDirectory("issuer-registry"));
        var trainer = new ForecasterTrainer(history, engine, registry, new DiscardingPublisher(),
                List.of(Algorithm.RIDGE, Algorithm.PERSISTENCE), 60, 28, PARIS, clock);
        issuer = new ForecastIssuer(history, engine, trainer, registry, step -> {
            published.add(step);
            return CompletableFuture.completedFuture(null);
        }, new FutureWeather(weatherForecasts, PARIS), issues, accuracy, records -> {
            if (indexDown) {
                throw new IOException("Elasticsearch is down");
            }
            indexed.addAll(records);
        }, activity, List.of(7, 1), 60, QUIET, PARIS, clock);
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Test
    void aNewCompleteDayIsIssuedOnceTheHistoryIsQuietAndOnlyOnce() {
        addDays(FIRST, 80);
        activity.wrote();

        clock.advance(Duration.ofSeconds(10));
        assertThat(issuer.catchUp()).as("the history was written 10 s ago").isEmpty();
        assertThat(published).isEmpty();

        clock.advance(QUIET);
        var first = issuer.catchUp().orElseThrow();
        assertThat(first.trained()).isEqualTo(2);
        assertThat(first.issued()).isEqualTo(2);
        LocalDate base = FIRST.plusDays(79);
        assertThat(issues.latest(SERIES, 1).orElseThrow().baseDay()).isEqualTo(base);
        assertThat(issues.latest(SERIES, 7).orElseThrow().steps()).extracting(IssuedForecast.Step::leadDays)
                .containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(published).hasSize(1 + 7);
        assertThat(published.getFirst().targetDate()).isEqualTo(base.plusDays(1));
        assertThat(published).allMatch(f -> f.weatherBasis() == ConsumptionForecast.WeatherBasis.CLIMATOLOGY);

        // Nothing written since: the next checks do not run; a run all the same (the cron's) issues nothing again.
        clock.advance(Duration.ofMinutes(1));
        assertThat(issuer.status().caughtUp()).isTrue();
        assertThat(issuer.catchUp()).isEmpty();
        var again = issuer.issueNow();
        assertThat(again.trained()).isZero();
        assertThat(again.issued()).isZero();
        assertThat(published).hasSize(8);

        // A write of days already known (a redelivery) makes the next quiet check run, and issue nothing either.
        activity.wrote();
        clock.advance(QUIET);
        assertThat(issuer.catchUp().orElseThrow().issued()).isZero();
        assertThat(published).hasSize(8);
    }

    @Test
    void aDayAlreadyMeasuredIsForecastWithItsObservedWeather() {
        addDays(FIRST, 80);
        // The next day's first hours are in: its weather is measured, its energy not yet complete.
        LocalDate next = FIRST.plusDays(80);
        days.put(next, new DailyRecord(next, Double.NaN, temperature(next), false, 0));

        issuer.issueNow();

        var dayAhead = issues.latest(SERIES, 1).orElseThrow().steps().getFirst();
        assertThat(dayAhead.date()).isEqualTo(next);
        assertThat(dayAhead.weatherBasis()).isEqualTo(ConsumptionForecast.WeatherBasis.OBSERVED);
        assertThat(dayAhead.tempMeanC()).isEqualTo(temperature(next));
        assertThat(issues.latest(SERIES, 7).orElseThrow().steps().get(1).weatherBasis())
                .isEqualTo(ConsumptionForecast.WeatherBasis.CLIMATOLOGY);
    }

    @Test
    void aDayWithAWeatherForecastKnownByTheBaseDayIsForecastWithItsTemperatureAndNeverOneIssuedLater() {
        addDays(FIRST, 80);
        LocalDate base = FIRST.plusDays(79);
        Instant baseMorning = base.atTime(6, 0).atZone(PARIS).toInstant();
        Instant nextMorning = base.plusDays(1).atTime(6, 0).atZone(PARIS).toInstant();
        weatherForecasts.saveAll(List.of(
                // D+1: an older and a newer issue, both known by the base day: the newer one counts.
                forecast("11", base.plusDays(1), baseMorning.minus(Duration.ofDays(1)), 1.0),
                forecast("11", base.plusDays(1), baseMorning, 2.5),
                // D+2: known by the base day, and a later issue the issuance must not see.
                forecast("11", base.plusDays(2), baseMorning, 3.5),
                forecast("11", base.plusDays(2), nextMorning, 30.0),
                // D+3: issued only after the base day: climatology.
                forecast("11", base.plusDays(3), nextMorning, 30.0),
                // Another region's forecast is not this series' weather.
                forecast("84", base.plusDays(4), baseMorning, 30.0)));

        issuer.issueNow();

        var steps = issues.latest(SERIES, 7).orElseThrow().steps();
        assertThat(steps).extracting(IssuedForecast.Step::weatherBasis).containsExactly(
                ConsumptionForecast.WeatherBasis.FORECAST, ConsumptionForecast.WeatherBasis.FORECAST,
                ConsumptionForecast.WeatherBasis.CLIMATOLOGY, ConsumptionForecast.WeatherBasis.CLIMATOLOGY,
                ConsumptionForecast.WeatherBasis.CLIMATOLOGY, ConsumptionForecast.WeatherBasis.CLIMATOLOGY,
                ConsumptionForecast.WeatherBasis.CLIMATOLOGY);
        assertThat(steps.get(0).tempMeanC()).isEqualTo(2.5);
        assertThat(steps.get(1).tempMeanC()).isEqualTo(3.5);
        assertThat(steps).allSatisfy(s -> assertThat(s.tempMeanC()).isLessThan(30.0));
        assertThat(published).filteredOn(f -> f.targetDate().equals(base.plusDays(1)))
                .extracting(ConsumptionForecast::weatherBasis).containsOnly(ConsumptionForecast.WeatherBasis.FORECAST);
    }

    @Test
    void stepsAreScoredOnceWhenTheirDaysCompleteAndIndexedAfterAnOutage() {
        addDays(FIRST, 80);
        issuer.issueNow();
        IssuedForecast weekAhead = issues.latest(SERIES, 7).orElseThrow();

        indexDown = true;
        addDays(FIRST.plusDays(80), 3);
        var second = issuer.issueNow();

        // The day-ahead step and three of the week-ahead's, then forecasts from the new base day.
        assertThat(second.scored()).isEqualTo(1 + 3);
        assertThat(second.issued()).isEqualTo(2);
        assertThat(second.indexed()).isZero();
        var records = accuracy.find(new AccuracyStore.Filter(SERIES, 7, null, null, null));
        assertThat(records).hasSize(3);
        var firstStep = weekAhead.steps().getFirst();
        var scored = records.getFirst();
        assertThat(scored.id()).isEqualTo(weekAhead.id() + "|" + firstStep.date());
        assertThat(scored.actualMwh()).isEqualTo(dailyEnergy(firstStep.date()));
        assertThat(scored.errorMwh()).isEqualTo(dailyEnergy(firstStep.date()) - firstStep.energyMwh());
        assertThat(scored.leadDays()).isEqualTo(1);

        // The same days delivered again change nothing; the index, back, gets what the outage held back.
        indexDown = false;
        addDays(FIRST.plusDays(80), 3);
        var third = issuer.issueNow();
        assertThat(third.scored()).isZero();
        assertThat(third.issued()).isZero();
        assertThat(third.indexed()).isEqualTo(4);
        assertThat(accuracy.find(new AccuracyStore.Filter(null, null, null, null, null))).hasSize(4);
        assertThat(indexed).extracting(AccuracyRecord::id).doesNotHaveDuplicates().hasSize(4);
    }

    private static ForecastWeather forecast(String region, LocalDate target, Instant issuedAt, double meanC) {
        return new ForecastWeather(region, target, issuedAt, meanC - 4, meanC + 4, meanC, 12.0, null, null);
    }

    private void addDays(LocalDate from, int count) {
        for (int i = 0; i < count; i++) {
            LocalDate d = from.plusDays(i);
            days.put(d, new DailyRecord(d, dailyEnergy(d), temperature(d), false, 0));
        }
    }

    static double dailyEnergy(LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return 1000 + 40 * Math.max(0, 15 - temperature(d)) - (weekend ? 150 : 0);
    }

    static double temperature(LocalDate d) {
        int i = (int) (d.toEpochDay() - FIRST.toEpochDay());
        return 4 + 8.0 * i / 100 + 3 * Math.sin(i * 1.3);
    }

    /** Model lifecycle events go nowhere: this test is about forecasts. */
    private static final class DiscardingPublisher extends EventPublisher {

        DiscardingPublisher() {
            super(null, null, "/energywatch/issuer-test");
        }

        @Override
        public <V extends EnergyWatchEvent> CompletableFuture<SendResult<String, EnergyWatchEvent>> publish(
                Topic<V> topic, String key, V event) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package io.energywatch.prediction.issuance;

import io.energywatch.testsupport.TestTokens;
import io.energywatch.service.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.WeatherForecastIssued;
import io.energywatch.prediction.PredictionServiceApplication;
import io.energywatch.prediction.weather.WeatherForecasts;
import io.energywatch.testsupport.ElasticsearchTestServer;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scheduled forecasts on the real embedded Kafka broker, the Mongo wire server and the real Elasticsearch, with no
 * forecast request at all: daily enriched records of two series with the same values go in, in two phases. The first
 * series runs uninterrupted; the service is stopped and started again on the same stores between the second series'
 * phases. Both get their champions trained, forecasts issued (stored, published, indexed) and, once the second phase
 * brings the actuals, accuracy records (stored, indexed, served), and the restarted series' outputs equal the other's;
 * a backtest job submitted before the restart is there after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScheduledForecastsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SeriesId UNINTERRUPTED = SeriesId.of(Carrier.ELECTRICITY, "24", "sim", "P1D");
    private static final SeriesId RESTARTED = SeriesId.of(Carrier.ELECTRICITY, "27", "sim", "P1D");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final int PHASE1_DAYS = 80;
    private static final int PHASE2_DAYS = 14;
    private static final LocalDate PHASE1_END = FIRST.plusDays(PHASE1_DAYS - 1);
    private static final LocalDate PHASE2_END = PHASE1_END.plusDays(PHASE2_DAYS);
    private static final Lineage LINEAGE = new Lineage("forecast-test", null, null, Instant.parse("2024-05-01T00:00:00Z"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String database = "forecasts-test";
    private String registryDir;
    private ConfigurableApplicationContext context;

    /** Electricity demand: 1000 MWh + 40 per heating degree day, 150 less at weekends. */
    static double dailyEnergy(LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return 1000 + 40 * Math.max(0, 15 - temperature(d)) - (weekend ? 150 : 0);
    }

    static double temperature(LocalDate d) {
        int i = (int) (d.toEpochDay() - FIRST.toEpochDay());
        return 4 + 8.0 * i / 100 + 3 * Math.sin(i * 1.3);
    }

    @BeforeAll
    void startService() throws Exception {
        registryDir = Files.createTempDirectory("forecast-registry").toString();
        context = start();
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void forecastsAreIssuedAndScoredOnTheirOwnAndARestartChangesNothing() throws Exception {
        publish(UNINTERRUPTED, FIRST, PHASE1_END);
        publish(RESTARTED, FIRST, PHASE1_END);
        // No request: the catch-up trains the champions and issues from the last complete day of each series.
        for (SeriesId s : List.of(UNINTERRUPTED, RESTARTED)) {
            for (int h : List.of(1, 7)) {
                JsonNode latest = awaitLatest(s, h, PHASE1_END);
                assertThat(latest.path("steps")).hasSize(h);
                assertThat(latest.path("steps").get(0).path("date").asString())
                        .isEqualTo(PHASE1_END.plusDays(1).toString());
                assertThat(latest.path("steps").get(0).path("weatherBasis").asString()).isEqualTo("CLIMATOLOGY");
                assertThat(latest.path("modelId").asString()).isEqualTo("forecast." + daily(s) + ".h" + h);
            }
        }
        ModelRegistry registry = context.getBean(ModelRegistry.class);
        assertThat(registry.byAlias("forecast." + daily(UNINTERRUPTED) + ".h1", ModelRegistry.CHAMPION)).isPresent();
        // Every step is on the forecasts topic and in the forecast index, with intervals around its point.
        await().atMost(Duration.ofSeconds(30)).until(() -> forecastEvents(UNINTERRUPTED).size() == 1 + 7);
        for (ConsumptionForecast f : forecastEvents(UNINTERRUPTED)) {
            assertThat(f.lower95Mwh()).isLessThan(f.lower80Mwh());
            assertThat(f.upper80Mwh()).isLessThan(f.upper95Mwh());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hits("energywatch-forecasts", "seriesId",
                daily(UNINTERRUPTED)) == 8);

        // A backtest job, which the restart below must keep.
        var submitted = post("/api/v1/predictions/backtests", """
                {"series": "%s", "trainFrom": "2024-01-01", "trainTo": "2024-02-29", "testFrom": "2024-03-01",
                 "testTo": "%s"}""".formatted(daily(UNINTERRUPTED), PHASE1_END));
        assertThat(submitted.statusCode()).isEqualTo(202);
        String job = JSON.readTree(submitted.body()).path("id").asString();
        JsonNode[] finished = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            finished[0] = JSON.readTree(get("/api/v1/predictions/backtests/" + job).body());
            return !"RUNNING".equals(finished[0].path("status").asString());
        });
        assertThat(finished[0].path("status").asString()).isEqualTo("SUCCEEDED");

        // The uninterrupted series gets its actuals: its issued steps are scored, and it is issued from the new day.
        publish(UNINTERRUPTED, PHASE1_END.plusDays(1), PHASE2_END);
        awaitLatest(UNINTERRUPTED, 1, PHASE2_END);
        JsonNode uninterrupted = awaitAccuracy(UNINTERRUPTED, 8);
        // The week-ahead forecast's days beside their actuals, as a chart reads them.
        JsonNode week = JSON.readTree(get("/api/v1/forecasts/issued/days?series=" + daily(UNINTERRUPTED)
                + "&horizon=7&from=" + PHASE1_END.plusDays(1) + "&to=" + PHASE1_END.plusDays(7)).body());
        assertThat(week.path("days")).hasSize(7);
        for (int i = 0; i < 7; i++) {
            JsonNode day = week.path("days").get(i);
            LocalDate date = PHASE1_END.plusDays(i + 1);
            assertThat(day.path("date").asString()).isEqualTo(date.toString());
            assertThat(day.path("leadDays").asInt()).isEqualTo(i + 1);
            assertThat(day.path("start").asString()).isEqualTo(date.atStartOfDay(PARIS).toInstant().toString());
            assertThat(day.path("actualMwh").asDouble()).isCloseTo(dailyEnergy(date), within(1e-6));
            assertThat(day.path("errorMwh").asDouble())
                    .isCloseTo(dailyEnergy(date) - day.path("energyMwh").asDouble(), within(1e-6));
            assertThat(day.path("lower95Mwh").asDouble()).isLessThanOrEqualTo(day.path("lower80Mwh").asDouble());
            assertThat(day.path("inside95").isBoolean()).isTrue();
        }
        // hours=24: the last base day and the horizon's day after it, not scored yet.
        JsonNode ahead = JSON.readTree(get("/api/v1/forecasts/issued/days?series=" + daily(UNINTERRUPTED)
                + "&horizon=1&hours=24").body());
        assertThat(ahead.path("window").path("from").asString())
                .isEqualTo(PHASE2_END.atStartOfDay(PARIS).toInstant().toString());
        JsonNode next = ahead.path("days").get(ahead.path("days").size() - 1);
        assertThat(next.path("date").asString()).isEqualTo(PHASE2_END.plusDays(1).toString());
        assertThat(next.path("actualMwh").isNull()).isTrue();
        assertThat(get("/api/v1/forecasts/issued/days?series=" + daily(UNINTERRUPTED) + "&horizon=7&from="
                + PHASE1_END.plusDays(1) + "&to=" + PHASE1_END.plusDays(7), "text/csv").body().lines())
                .hasSize(8).first().asString().startsWith("date,start,end,leadDays,");

        // The other series' service stops before its second phase and a new one starts on the same stores.
        context.close();
        context = start();
        publish(RESTARTED, PHASE1_END.plusDays(1), PHASE2_END);
        awaitLatest(RESTARTED, 7, PHASE2_END);
        JsonNode restarted = awaitAccuracy(RESTARTED, 8);
        // The backtest job and the summary table survived the restart as they were.
        assertThat(JSON.readTree(get("/api/v1/predictions/backtests/" + job).body())).isEqualTo(finished[0]);
        JsonNode summary = JSON.readTree(get("/api/v1/predictions/summary").body());
        assertThat(summary.path("series").asString()).isEqualTo(daily(UNINTERRUPTED));
        assertThat(summary.path("testRows").asInt()).isEqualTo(finished[0].path("result").path("testRows").asInt());

        // The day-ahead forecast's one step and the week-ahead's seven, each with its error and interval hits.
        JsonNode dayAhead = uninterrupted.path("groups").get(0);
        assertThat(dayAhead.path("horizonDays").asInt()).isEqualTo(1);
        assertThat(dayAhead.path("count").asInt()).isEqualTo(1);
        assertThat(uninterrupted.path("groups").get(1).path("count").asInt()).isEqualTo(7);
        assertThat(dayAhead.path("mapePercent").asDouble()).isLessThan(10.0);
        assertThat(restarted.path("groups").toString().replace(daily(RESTARTED), daily(UNINTERRUPTED)))
                .isEqualTo(uninterrupted.path("groups").toString());
        // hours=24: the last scored target day only, echoed as a window of that Paris day.
        LocalDate lastDay = uninterrupted.path("groups").valueStream()
                .map(g -> LocalDate.parse(g.path("to").asString())).max(LocalDate::compareTo).orElseThrow();
        JsonNode lastDayAccuracy = JSON.readTree(get("/api/v1/forecasts/accuracy?series=" + daily(UNINTERRUPTED)
                + "&hours=24").body());
        assertThat(lastDayAccuracy.path("filter").path("from").asString()).isEqualTo(lastDay.toString());
        assertThat(lastDayAccuracy.path("window").path("to").asString())
                .isEqualTo(lastDay.plusDays(1).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant().toString());
        assertThat(lastDayAccuracy.path("records").asInt()).isPositive().isLessThan(8);
        // As CSV: accuracy one row per group, an issued forecast one row per step.
        List<String> groups = get("/api/v1/forecasts/accuracy?series=" + daily(UNINTERRUPTED) + "&from=" + FIRST
                + "&to=" + PHASE2_END, "text/csv").body().lines().toList();
        assertThat(groups).hasSize(uninterrupted.path("groups").size() + 1);
        assertThat(groups.getFirst()).startsWith("series,horizonDays,algorithm,count,maeMwh,");
        List<String> steps = get("/api/v1/forecasts/issued/latest?series=" + daily(UNINTERRUPTED) + "&horizon=7",
                "text/csv").body().lines().toList();
        assertThat(steps).hasSize(8);
        assertThat(steps.getFirst()).startsWith("date,leadDays,energyMwh,lower80Mwh,upper80Mwh,");

        // Stored forecasts: the same forecasts, from the same base days, by the same model versions, issued once.
        IssuedForecastStore store = context.getBean(IssuedForecastStore.class);
        assertThat(comparable(store.all(daily(RESTARTED)), RESTARTED))
                .isEqualTo(comparable(store.all(daily(UNINTERRUPTED)), UNINTERRUPTED)).hasSize(4);
        assertThat(registry.versions("forecast." + daily(RESTARTED) + ".h7")).hasSize(1);
        // The restart published nothing twice, and the accuracy records are indexed.
        assertThat(forecastEvents(RESTARTED)).hasSize(2 * (1 + 7));
        await().atMost(Duration.ofSeconds(30)).until(() -> hits("energywatch-forecast-accuracy", "series",
                daily(RESTARTED)) == 8 && hits("energywatch-forecast-accuracy", "series", daily(UNINTERRUPTED)) == 8);
        // Caught up is a moment (history quiet, a run after its last write): other tests' contexts share the broker and
        // the history may take their records a while longer.
        await().atMost(Duration.ofSeconds(60)).until(() -> JSON.readTree(get("/api/v1/forecasts/issuance").body())
                .path("status").path("caughtUp").asBoolean());
        JsonNode issuance = JSON.readTree(get("/api/v1/forecasts/issuance").body());
        assertThat(issuance.path("series").valueStream().map(JsonNode::asString).toList())
                .contains(daily(UNINTERRUPTED), daily(RESTARTED));
    }

    @Test
    void weatherForecastsOnTheirTopicAreTheFutureWeatherOfIssuedForecastsUnlessIssuedAfterTheBaseDay() throws Exception {
        SeriesId series = SeriesId.of(Carrier.ELECTRICITY, "53", "sim", "P1D");
        Instant known = PHASE1_END.atTime(6, 0).atZone(PARIS).toInstant();
        Instant later = PHASE1_END.plusDays(1).atTime(6, 0).atZone(PARIS).toInstant();
        var forecasts = new ArrayList<WeatherForecastIssued>();
        for (int lead = 1; lead <= 6; lead++) {
            double t = 20 + lead;
            forecasts.add(new WeatherForecastIssued(null, "53", PHASE1_END.plusDays(lead), known, t - 4, t + 4, t,
                    null, null, null, "forecast-test", LINEAGE));
        }
        // Issued the day after the base day: the issuance from the base day must not see it (D+2) nor use it (D+7).
        forecasts.add(new WeatherForecastIssued(null, "53", PHASE1_END.plusDays(2), later, -10, 0, -5, null, null,
                null, "forecast-test", LINEAGE));
        forecasts.add(new WeatherForecastIssued(null, "53", PHASE1_END.plusDays(7), later, -10, 0, -5, null, null,
                null, "forecast-test", LINEAGE));
        publishEvents(Topics.WEATHER_FORECASTS_RAW.name(), forecasts);
        await().atMost(Duration.ofSeconds(30)).until(() -> context.getBean(WeatherForecasts.class)
                .newest(List.of("53"), PHASE1_END, PHASE1_END.plusDays(7), Instant.parse("2100-01-01T00:00:00Z"))
                .getOrDefault("53", Map.of()).size() == 7);

        publish(series, FIRST, PHASE1_END);

        JsonNode weekAhead = awaitLatest(series, 7, PHASE1_END);
        var bases = weekAhead.path("steps").valueStream().map(s -> s.path("weatherBasis").asString()).toList();
        var temperatures = weekAhead.path("steps").valueStream().map(s -> s.path("tempMeanC").asDouble()).toList();
        assertThat(bases).containsExactly("FORECAST", "FORECAST", "FORECAST", "FORECAST", "FORECAST", "FORECAST",
                "CLIMATOLOGY");
        assertThat(temperatures.subList(0, 6)).containsExactly(21.0, 22.0, 23.0, 24.0, 25.0, 26.0);
        assertThat(temperatures.get(6)).isNotEqualTo(-5.0);
        await().atMost(Duration.ofSeconds(30)).until(() -> forecastEvents(series).size() == 1 + 7);
        assertThat(forecastEvents(series)).filteredOn(f -> f.targetDate().equals(PHASE1_END.plusDays(1)))
                .extracting(ConsumptionForecast::weatherBasis)
                .containsOnly(ConsumptionForecast.WeatherBasis.FORECAST);
    }

    @Test
    void anInvalidAccuracyQueryIsAProblemNamingItsFields() throws Exception {
        var response = get("/api/v1/forecasts/accuracy?horizon=week&from=2024-03-10&to=2024-03-01");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactly("horizon", "to");

        var days = get("/api/v1/forecasts/issued/days?horizon=0");
        assertThat(days.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(days.body()).path("errors").findValuesAsString("field"))
                .containsExactly("series", "horizon");
        var noWindow = get("/api/v1/forecasts/issued/days?series=" + daily(UNINTERRUPTED));
        assertThat(JSON.readTree(noWindow.body()).path("errors").findValuesAsString("field")).containsExactly("hours");
    }

    /** The service on the test servers, with its own consumer groups (a cached context of another test may run). */
    private ConfigurableApplicationContext start() {
        var args = new ArrayList<String>();
        Map.ofEntries(
                Map.entry("spring.kafka.bootstrap-servers", KafkaTestBroker.bootstrapServers()),
                Map.entry("spring.elasticsearch.uris", ElasticsearchTestServer.shared().url()),
                Map.entry("spring.mongodb.uri", MongoWireTestServer.shared().uri(database)),
                Map.entry("server.port", "0"),
                Map.entry("energywatch.prediction.models.registry-dir", registryDir),
                Map.entry("energywatch.prediction.models.mlflow-tracking-uri", ""),
                Map.entry("energywatch.prediction.engine.forest-trees", "20"),
                Map.entry("energywatch.prediction.engine.boosting-trees", "60"),
                Map.entry("energywatch.prediction.history.group-id", "forecasts-test-history"),
                Map.entry("energywatch.prediction.indices.group-id", "forecasts-test-indexing"),
                Map.entry("energywatch.prediction.indices.model-runs-group-id", "forecasts-test-model-runs"),
                Map.entry("energywatch.prediction.models.drift-group-id", "forecasts-test-drift"),
                Map.entry("energywatch.prediction.weather-forecasts.group-id", "forecasts-test-weather-forecasts"),
                Map.entry("energywatch.prediction.issuance.horizons-days", "1,7"),
                Map.entry("energywatch.prediction.issuance.check-interval", "500ms"),
                Map.entry("energywatch.prediction.issuance.quiet-period", "2s"))
                .forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(List.of(TestTokens.arguments()));
        return new SpringApplicationBuilder(PredictionServiceApplication.class).run(args.toArray(String[]::new));
    }

    private void publish(SeriesId series, LocalDate from, LocalDate to) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/forecast-test"))) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                var measured = ConsumptionMeasured.of(series, series.area(), d.atStartOfDay(PARIS).toInstant(),
                        d.plusDays(1).atStartOfDay(PARIS).toInstant(), dailyEnergy(d), MeasurementUnit.MWH,
                        QualityStatus.SIMULATED, List.of(), LINEAGE);
                double t = temperature(d);
                var weather = new WeatherContext(false, t - 3, t + 3, t, null, null, null, null,
                        Math.max(0, 15 - t), Math.max(0, t - 18), "region", List.of("forecast-test"));
                var calendar = new CalendarContext(d.getDayOfWeek(), d.getDayOfWeek().getValue() >= 6, false, null,
                        false, null);
                producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), series.toString(),
                        new ConsumptionEnriched(null, measured, d, weather, calendar, SocialContext.none())));
            }
        }
    }

    private void publishEvents(String topic, List<? extends EnergyWatchEvent> events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/forecast-test"))) {
            for (EnergyWatchEvent e : events) {
                producer.send(new ProducerRecord<>(topic, ((WeatherForecastIssued) e).regionCode(), e));
            }
        }
    }

    private JsonNode awaitLatest(SeriesId series, int horizon, LocalDate baseDay) {
        JsonNode[] latest = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            var response = get("/api/v1/forecasts/issued/latest?series=" + daily(series) + "&horizon=" + horizon);
            latest[0] = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
            return latest[0] != null && latest[0].path("baseDay").asString().equals(baseDay.toString());
        });
        return latest[0];
    }

    private JsonNode awaitAccuracy(SeriesId series, int records) {
        JsonNode[] accuracy = new JsonNode[1];
        // As long as the issuance's wait: scoring follows the history, which a loaded full build slows as much.
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            accuracy[0] = JSON.readTree(get("/api/v1/forecasts/accuracy?series=" + daily(series) + "&from="
                    + FIRST + "&to=" + PHASE2_END).body());
            return accuracy[0].path("records").asInt() == records;
        });
        return accuracy[0];
    }

    /** What must not depend on a restart: everything but the wall-clock issue time, series ids made alike. */
    private static List<String> comparable(List<IssuedForecast> forecasts, SeriesId series) {
        return forecasts.stream().map(f -> new IssuedForecast(f.id(), f.series(), f.baseDay(), f.horizonDays(),
                        f.modelId(), f.modelVersion(), f.algorithm(), Instant.EPOCH, f.steps().stream()
                        .map(s -> new IssuedForecast.Step(s.date(), s.leadDays(), s.energyMwh(), s.lower80Mwh(),
                                s.upper80Mwh(), s.lower95Mwh(), s.upper95Mwh(), s.tempMeanC(), s.weatherBasis(), "-"))
                        .toList()).toString().replace(daily(series), "SERIES"))
                .toList();
    }

    private List<ConsumptionForecast> forecastEvents(SeriesId series) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var out = new ArrayList<ConsumptionForecast>();
        String topic = Topics.FORECASTS.name();
        try (var consumer = new KafkaConsumer<String, ConsumptionForecast>(config, new StringDeserializer(),
                EventSerde.of(ConsumptionForecast.class, "unused"))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() != null && r.value().seriesId().equals(daily(series))) {
                        out.add(r.value());
                    }
                });
            }
        }
        return out;
    }

    private int hits(String alias, String field, String value) throws Exception {
        String query = """
                {"query":{"term":{"%s":"%s"}},"size":0,"track_total_hits":true}""".formatted(field, value);
        var search = http.send(HttpRequest.newBuilder(URI.create(ElasticsearchTestServer.shared().url() + "/" + alias
                        + "/_search?ignore_unavailable=true"))
                                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(query)).build(), HttpResponse.BodyHandlers.ofString());
        return search.statusCode() == 200 ? JSON.readTree(search.body()).path("hits").path("total").path("value")
                .asInt() : -1;
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, "*/*");
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        String port = context.getEnvironment().getRequiredProperty("local.server.port");
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String daily(SeriesId series) {
        return series.toString();
    }
}

package io.energywatch.prediction;

import io.energywatch.testsupport.TestTokens;
import io.energywatch.service.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionForecast;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.EventSerde;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
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
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The prediction service on the real embedded Kafka broker, the Mongo wire server and the real Elasticsearch: hourly
 * enriched records of 120 days go in; backtests, the summary, forecasts (published on the forecasts topic and indexed),
 * what-if and drift retraining are checked on what comes out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PredictionPipelineTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SeriesId HOURLY = SeriesId.of(Carrier.GAS, "53", "sim", "PT1H");
    private static final String DAILY = "gas:53:sim:P1D";
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 120; // to 2024-04-29, across the 23-hour 31 March
    private static final LocalDate STRIKE_DAY = LocalDate.of(2024, 2, 13);
    private static final Lineage LINEAGE = new Lineage("prediction-test", null, null, Instant.parse("2024-05-01T00:00:00Z"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws Exception {
        io.energywatch.testsupport.RealServers.elasticsearch(registry);
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("prediction-test"));
        String registryDir = Files.createTempDirectory("prediction-registry").toString();
        registry.add("energywatch.prediction.models.registry-dir", () -> registryDir);
        registry.add("energywatch.prediction.models.mlflow-tracking-uri", () -> "");
        // Small forests keep the test fast; the algorithms are the production ones.
        registry.add("energywatch.prediction.engine.forest-trees", () -> "20");
        registry.add("energywatch.prediction.engine.boosting-trees", () -> "60");
        // The forecasts on request and the retraining checked here; scheduled issuance has its own test.
        registry.add("energywatch.prediction.issuance.enabled", () -> "false");
    }

    @Autowired
    io.energywatch.prediction.models.ScheduledRetraining scheduledRetraining;
    @Autowired
    Environment environment;
    @Autowired
    DailyHistory history;
    @Autowired
    ModelRegistry registry;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Instant testStart = Instant.now();

    /** Gas demand: 1000 MWh + 40 per heating degree day, 150 less at weekends, 60 more on the strike day. */
    static double dailyEnergy(LocalDate d) {
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return 1000 + 40 * Math.max(0, 15 - temperature(d)) - (weekend ? 150 : 0) + (d.equals(STRIKE_DAY) ? 60 : 0);
    }

    static double temperature(LocalDate d) {
        int i = (int) (d.toEpochDay() - FIRST.toEpochDay());
        return 4 + 10.0 * i / DAYS + 3 * Math.sin(i * 1.3);
    }

    @BeforeAll
    void publishEnrichedHours() {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 20);
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/prediction-test"))) {
            for (int day = 0; day < DAYS; day++) {
                LocalDate d = FIRST.plusDays(day);
                Instant start = d.atStartOfDay(PARIS).toInstant();
                Instant end = d.plusDays(1).atStartOfDay(PARIS).toInstant();
                long hours = Duration.between(start, end).toHours();
                for (Instant h = start; h.isBefore(end); h = h.plusSeconds(3600)) {
                    var measured = ConsumptionMeasured.of(HOURLY, "53", h, h.plusSeconds(3600),
                            dailyEnergy(d) / hours, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(), LINEAGE);
                    double t = temperature(d);
                    var weather = new WeatherContext(false, t - 3, t + 3, t, null, null, null, null,
                            Math.max(0, 15 - t), Math.max(0, t - 18), "region", List.of("prediction-test"));
                    var calendar = new CalendarContext(d.getDayOfWeek(), d.getDayOfWeek().getValue() >= 6, false,
                            null, false, null);
                    var social = d.equals(STRIKE_DAY) ? new SocialContext(true, 30.0, List.of("pay"), List.of("m1"))
                            : SocialContext.none();
                    producer.send(new ProducerRecord<>(Topics.CONSUMPTION_ENRICHED.name(), HOURLY.toString(),
                            new ConsumptionEnriched(null, measured, d, weather, calendar, social)));
                }
            }
        }
    }

    @Test
    @Order(1)
    void hourlyRecordsBecomeCompleteLocalDaysOfEnergy() {
        await().atMost(Duration.ofSeconds(60)).until(() -> history.load(DAILY).records().stream()
                .filter(r -> r.hasEnergy()).count() == DAYS);

        var daily = history.load(DAILY);
        // 31 March 2024 has 23 hours: their sum is still the whole day's energy.
        assertThat(daily.energy(LocalDate.of(2024, 3, 31))).isCloseTo(dailyEnergy(LocalDate.of(2024, 3, 31)),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(daily.get(STRIKE_DAY).orElseThrow().strikerRatePercent()).isEqualTo(30.0);
        assertThat(daily.temperature(LocalDate.of(2024, 2, 1))).isEqualTo(temperature(LocalDate.of(2024, 2, 1)));
    }

    @Test
    @Order(2)
    void aBacktestAnswersEveryStepAndMetricsPerAlgorithmAndBaseline() throws Exception {
        var response = post("/api/v1/predictions/backtests", """
                {"series": "gas:53:sim:PT1H", "trainFrom": "2024-01-01", "trainTo": "2024-03-31",
                 "testFrom": "2024-04-01", "testTo": "2024-04-29"}""");

        // Long work answers 202 with a job and its Location; the job carries the result once it succeeded.
        assertThat(response.statusCode()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/api/v1/predictions/backtests/");
        JsonNode[] job = new JsonNode[1];
        await().atMost(Duration.ofSeconds(120)).until(() -> {
            var got = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(location))
                    .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            job[0] = JSON.readTree(got.body());
            return !"RUNNING".equals(job[0].path("status").asString());
        });
        assertThat(job[0].path("status").asString()).isEqualTo("SUCCEEDED");
        JsonNode body = job[0].path("result");
        // An invalid request never becomes a job: it is refused at once, every field named.
        var invalid = post("/api/v1/predictions/backtests", """
                {"series": "gas:53:sim:PT1H", "trainFrom": "2024-03-31", "trainTo": "2024-01-01"}""");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(invalid.body()).path("errors").findValuesAsString("field"))
                .containsExactly("testFrom", "testTo");
        assertThat(body.path("series").asString()).isEqualTo(DAILY);
        assertThat(body.path("testRows").asInt()).isEqualTo(29);
        List<String> algorithms = new ArrayList<>();
        body.path("algorithms").forEach(a -> algorithms.add(a.path("algorithm").asString()));
        assertThat(algorithms).containsExactly("ridge", "random-forest", "gradient-boosting", "persistence",
                "same-day-last-week", "climatology");
        JsonNode ridge = body.path("algorithms").get(0);
        JsonNode firstStep = ridge.path("steps").get(0);
        assertThat(firstStep.path("date").asString()).isEqualTo("2024-04-01");
        assertThat(firstStep.path("actualMwh").asDouble()).isCloseTo(dailyEnergy(LocalDate.of(2024, 4, 1)),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(firstStep.path("errorMwh").asDouble()).isCloseTo(
                firstStep.path("actualMwh").asDouble() - firstStep.path("predictedMwh").asDouble(),
                org.assertj.core.data.Offset.offset(1e-6));
        // Demand is linear in the heating degree days: ridge must beat yesterday's value by far.
        double ridgeMape = ridge.path("test").path("mapePercent").asDouble();
        double persistenceMape = body.path("algorithms").get(3).path("test").path("mapePercent").asDouble();
        assertThat(ridgeMape).isLessThan(2.0).isLessThan(persistenceMape);
        assertThat(ridge.path("baseline").asBoolean()).isFalse();
        assertThat(body.path("algorithms").get(5).path("baseline").asBoolean()).isTrue();
    }

    @Test
    @Order(3)
    void theSummaryShowsTheLatestBacktestTableBestFirst() throws Exception {
        var response = get("/api/v1/predictions/summary");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("series").asString()).isEqualTo(DAILY);
        assertThat(body.path("table")).hasSize(6);
        double first = body.path("table").get(0).path("testMapePercent").asDouble();
        double last = body.path("table").get(5).path("testMapePercent").asDouble();
        assertThat(first).isLessThanOrEqualTo(last);
        assertThat(body.path("champion").asString()).isIn("ridge", "random-forest", "gradient-boosting",
                "persistence", "same-day-last-week", "climatology");
        assertThat(body.path("window").path("from").isNull()).isTrue();

        // As CSV, the table; in a window of when backtests ran, echoed; none ran before 2000.
        var csv = get("/api/v1/predictions/summary", "text/csv");
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(7);
        assertThat(lines.getFirst()).startsWith("algorithm,baseline,champion,validationMapePercent,testMapePercent,");
        JsonNode lastHour = JSON.readTree(get("/api/v1/predictions/summary?hours=1").body());
        assertThat(lastHour.path("window").path("hours").asInt()).isEqualTo(1);
        assertThat(lastHour.path("series").asString()).isEqualTo(DAILY);
        assertThat(get("/api/v1/predictions/summary?to=2000-01-01").statusCode()).isEqualTo(404);
        var mixed = get("/api/v1/predictions/summary?hours=1&from=2024-01-01");
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(mixed.body()).path("errors").findValuesAsString("field")).containsExactly("from", "hours");
    }

    @Test
    @Order(4)
    void aForecastBeyondKnownWeatherUsesClimatologyAndIsPublished() throws Exception {
        var response = post("/api/v1/predictions/forecasts", """
                {"series": "gas:53:sim:P1D", "horizonDays": 3}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("modelId").asString()).isEqualTo("forecast.gas:53:sim:P1D.h3");
        assertThat(body.path("lastKnownDay").asString()).isEqualTo("2024-04-29");
        List<String> dates = new ArrayList<>();
        body.path("steps").forEach(s -> {
            dates.add(s.path("date").asString());
            assertThat(s.path("weatherBasis").asString()).isEqualTo("CLIMATOLOGY");
            assertThat(s.path("lower95Mwh").asDouble()).isLessThanOrEqualTo(s.path("energyMwh").asDouble());
            assertThat(s.path("upper80Mwh").asDouble()).isGreaterThanOrEqualTo(s.path("energyMwh").asDouble());
        });
        assertThat(dates).containsExactly("2024-04-30", "2024-05-01", "2024-05-02");

        String issuedAt = body.path("issuedAt").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> read(Topics.FORECASTS.name(), ConsumptionForecast.class)
                .stream().filter(f -> f.seriesId().equals(DAILY) && f.issuedAt().equals(Instant.parse(issuedAt)))
                .count() == 3);
        var lifecycle = read(Topics.MODELS.name(), ModelLifecycleChanged.class).stream()
                .filter(e -> e.modelId().equals("forecast.gas:53:sim:P1D.h3")).map(ModelLifecycleChanged::stage)
                .toList();
        assertThat(lifecycle).contains(ModelLifecycleChanged.Stage.TRAINED, ModelLifecycleChanged.Stage.PROMOTED);

        // The three steps are indexed behind the forecasts alias, in the monthly indices of their target days.
        String es = io.energywatch.testsupport.ElasticsearchTestServer.shared().url();
        String query = """
                {"query":{"bool":{"filter":[{"term":{"seriesId":"%s"}},{"term":{"issuedAt":"%s"}}]}},
                 "sort":[{"targetDate":"asc"}],"size":10}""".formatted(DAILY, issuedAt);
        JsonNode[] hits = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var search = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(es
                            + "/energywatch-forecasts/_search"))
                                    .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(query)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            hits[0] = search.statusCode() == 200 ? JSON.readTree(search.body()).path("hits") : null;
            return hits[0] != null && hits[0].path("total").path("value").asInt() == 3;
        });
        assertThat(hits[0].path("hits").get(0).path("_index").asString()).isEqualTo("energywatch-forecasts-2024.04");
        assertThat(hits[0].path("hits").get(1).path("_index").asString()).isEqualTo("energywatch-forecasts-2024.05");
        assertThat(hits[0].path("hits").get(0).path("_source").path("energyMwh").asDouble())
                .isEqualTo(body.path("steps").get(0).path("energyMwh").asDouble());
        assertThat(registry.byAlias("forecast.gas:53:sim:P1D.h3", ModelRegistry.CHAMPION)).isPresent();

        // The training run behind the forecast is one document of the model-runs alias, in the month of its last
        // trained day, identified by model id and version; its verdict event made it the champion.
        JsonNode run = awaitModelRun("forecast.gas:53:sim:P1D.h3@1", "PROMOTED");
        assertThat(run.path("_index").asString()).isEqualTo("energywatch-model-runs-2024.04");
        JsonNode source = run.path("_source");
        assertThat(source.path("seriesId").asString()).isEqualTo(DAILY);
        assertThat(source.path("horizonDays").asInt()).isEqualTo(3);
        assertThat(source.path("trigger").asString()).isEqualTo("on-demand");
        assertThat(source.path("champion").asBoolean()).isTrue();
        assertThat(source.path("algorithm").asString()).isEqualTo(body.path("algorithm").asString());
        assertThat(source.path("trainingFrom").asString()).isEqualTo("2023-12-31T23:00:00Z");
        assertThat(source.path("trainingTo").asString()).isEqualTo("2024-04-29T22:00:00Z");
        assertThat(source.path("trainingRows").asInt()).isBetween(100, DAYS);
        assertThat(source.path("validation").path("mapePercent").asDouble()).isPositive();
        assertThat(source.path("candidateValidation")).hasSize(6);
        // The history has the day's maximum and minimum temperature: both are features of the run.
        assertThat(source.path("features").valueStream().map(JsonNode::asString).toList())
                .contains("tempMeanC", "tempMaxC", "tempMinC").doesNotContain("windKmh");
        assertThat(source.path("verdict").asString()).isEqualTo("first champion");
    }

    /** The run document {@code runId} once its stage is {@code stage}, as a search hit (index and source). */
    private JsonNode awaitModelRun(String runId, String stage) {
        String es = io.energywatch.testsupport.ElasticsearchTestServer.shared().url();
        String query = """
                {"query":{"bool":{"filter":[{"term":{"runId":"%s"}},{"term":{"stage":"%s"}}]}}}"""
                .formatted(runId, stage);
        JsonNode[] hits = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var search = http.send(HttpRequest.newBuilder(URI.create(es + "/energywatch-model-runs/_search"))
                    .header("Authorization", TestTokens.bearer(Role.ADMIN))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(query))
                    .build(), HttpResponse.BodyHandlers.ofString());
            hits[0] = search.statusCode() == 200 ? JSON.readTree(search.body()).path("hits") : null;
            return hits[0] != null && hits[0].path("total").path("value").asInt() == 1;
        });
        return hits[0].path("hits").get(0);
    }

    @Test
    @Order(5)
    void aColderWhatIfRaisesGasDemand() throws Exception {
        var response = post("/api/v1/predictions/what-if", """
                {"series": "gas:53:sim:P1D", "date": "2024-04-15", "tempDeltaC": -5}""");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("scenario").path("tempMeanC").asDouble())
                .isCloseTo(temperature(LocalDate.of(2024, 4, 15)) - 5, org.assertj.core.data.Offset.offset(1e-9));
        // 5 degrees colder below the 15 °C base is about 200 MWh more with 40 MWh per degree day.
        assertThat(body.path("deltaMwh").asDouble()).isGreaterThan(100);
    }

    @Test
    @Order(5)
    void aWhatIfInTheSeedsFormAnswersWithItsIntervalsAndItsInputs() throws Exception {
        LocalDate day = LocalDate.of(2024, 4, 15);
        double tempMax = temperature(day) + 3 - 6;
        double tempMin = temperature(day) - 3 - 6;
        var response = post("/api/v1/predictions/what-if", """
                {"series": "gas:53:sim:P1D", "date": "2024-04-15", "tempMaxC": %s, "tempMinC": %s, "windKmh": 40,
                 "humidityPercent": 85, "visibilityKm": 2.5, "cloudCoverPercent": 100, "strike": false}"""
                .formatted(tempMax, tempMin));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode scenario = JSON.readTree(response.body()).path("scenario");
        double energy = scenario.path("energyMwh").asDouble();
        assertThat(scenario.path("lower95Mwh").asDouble()).isLessThanOrEqualTo(scenario.path("lower80Mwh").asDouble());
        assertThat(scenario.path("lower80Mwh").asDouble()).isLessThan(energy);
        assertThat(scenario.path("upper80Mwh").asDouble()).isGreaterThan(energy);
        assertThat(scenario.path("upper95Mwh").asDouble()).isGreaterThanOrEqualTo(scenario.path("upper80Mwh").asDouble());
        assertThat(JSON.readTree(response.body()).path("deltaMwh").asDouble()).isGreaterThan(100);
        assertThat(scenario.path("tempMeanC").asDouble()).isCloseTo((tempMax + tempMin) / 2,
                org.assertj.core.data.Offset.offset(1e-9));
        var inputs = new java.util.LinkedHashMap<String, JsonNode>();
        scenario.path("inputs").forEach(i -> inputs.put(i.path("name").asString(), i));
        assertThat(inputs.keySet()).containsExactly("tempMeanC", "tempMaxC", "tempMinC", "windKmh",
                "humidityPercent", "visibilityKm", "cloudCoverPercent");
        assertThat(inputs.get("tempMaxC").path("source").asString()).isEqualTo("GIVEN");
        assertThat(inputs.get("tempMaxC").path("usedByModel").asBoolean()).isTrue();
        // Fusion gave no wind to this series' history: the model does not read it, the answer says so.
        assertThat(inputs.get("windKmh").path("usedByModel").asBoolean()).isFalse();
        assertThat(scenario.path("imputed")).isEmpty();
    }

    @Test
    @Order(5)
    void anImpossibleWhatIfIsAProblemNamingItsFields() throws Exception {
        var response = post("/api/v1/predictions/what-if", """
                {"series": "gas:53:sim:P1D", "date": "2024-04-15", "tempMaxC": 4, "tempMinC": 9,
                 "humidityPercent": 140}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("tempMinC", "humidityPercent");
    }

    @Test
    @Order(6)
    void driftOfAForecasterTrainsANewVersion() throws Exception {
        String modelId = "forecast.gas:53:sim:P1D.h3";
        int before = registry.versions(modelId).size();
        var drift = new DriftDetected(null, "report-" + UUID.randomUUID(), modelId, "1",
                Instant.parse("2024-04-01T00:00:00Z"), Instant.parse("2024-04-29T00:00:00Z"), DriftStatus.SIGNIFICANT,
                "HOLM", List.of(), Instant.now());
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers());
        // The drift listener starts at the latest offset: wait until it has its partition before publishing.
        await().atMost(Duration.ofSeconds(30)).until(() -> consumerGroupHasOffsets("prediction-drift"));
        try (var producer = new KafkaProducer<String, EnergyWatchEvent>(config, new StringSerializer(),
                EventSerde.any("/energywatch/drift-test"))) {
            producer.send(new ProducerRecord<>(Topics.DRIFT.name(), modelId, drift)).get();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> registry.versions(modelId).size() == before + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(Topics.MODELS.name(), ModelLifecycleChanged.class)
                .stream().anyMatch(e -> e.stage() == ModelLifecycleChanged.Stage.TRAINED
                        && e.reason() != null && e.reason().contains(drift.reportId())));
        // Its training run is indexed with its trigger and, once decided, the promotion backtest's scores.
        String version = registry.versions(modelId).getLast().version();
        String[] verdict = new String[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            verdict[0] = read(Topics.MODELS.name(), ModelLifecycleChanged.class).stream()
                    .filter(e -> e.modelId().equals(modelId) && e.version().equals(version)
                            && e.stage() != ModelLifecycleChanged.Stage.TRAINED)
                    .map(e -> e.stage().name()).findFirst().orElse(null);
            return verdict[0] != null;
        });
        JsonNode run = awaitModelRun(modelId + "@" + version, verdict[0]).path("_source");
        assertThat(run.path("trigger").asString()).isEqualTo("drift");
        assertThat(run.path("reason").asString()).contains(drift.reportId());
        assertThat(run.path("champion").asBoolean()).isEqualTo(verdict[0].equals("PROMOTED"));
        assertThat(run.path("backtest").path("challengerMapePercent").asDouble()).isPositive();
        assertThat(run.path("backtest").path("championMapePercent").asDouble()).isPositive();
    }

    @Test
    @Order(7)
    void theScheduledRetrainingTrainsANewVersionOfEveryForecasterWithAChampion() {
        String modelId = "forecast.gas:53:sim:P1D.h3";
        int before = registry.versions(modelId).size();

        int retrained = scheduledRetraining.retrain();

        assertThat(retrained).isGreaterThanOrEqualTo(1);
        assertThat(registry.versions(modelId)).hasSize(before + 1);
        String champion = registry.byAlias(modelId, "champion").orElseThrow().version();
        var events = read(Topics.MODELS.name(), ModelLifecycleChanged.class).stream()
                .filter(e -> e.modelId().equals(modelId)).toList();
        // Whenever a new version became champion, the one it replaced was retired just before.
        for (int i = 1; i < events.size(); i++) {
            var e = events.get(i);
            if (e.stage() == ModelLifecycleChanged.Stage.PROMOTED && events.get(i - 1).stage()
                    == ModelLifecycleChanged.Stage.RETIRED) {
                assertThat(events.get(i - 1).version()).isNotEqualTo(e.version());
                assertThat(events.get(i - 1).reason()).isEqualTo("replaced by version " + e.version());
            }
        }
        assertThat(events.getLast().stage()).isIn(ModelLifecycleChanged.Stage.PROMOTED,
                ModelLifecycleChanged.Stage.REJECTED);
        // The verdict compares the new version and the champion on the same last 28 days.
        assertThat(events.getLast().reason())
                .matches("MAPE [0-9.]+% against the champion's [0-9.]+% on 2024-04-02\\.\\.2024-04-29");
        if (events.getLast().stage() == ModelLifecycleChanged.Stage.PROMOTED) {
            assertThat(events.getLast().version()).isEqualTo(champion);
        }
    }

    @Test
    @Order(20)
    void everyTrainingAndBacktestIsAMeasuredModelRunInTheCarbonReport() throws Exception {
        String h1 = "forecast.gas:53:sim:P1D.h1";
        String h3 = "forecast.gas:53:sim:P1D.h3";
        var runs = read(Topics.MODEL_RUNS.name(), ModelRunCompleted.class).stream()
                .filter(r -> r.service().equals("prediction-service") && !r.startedAt().isBefore(testStart)).toList();
        assertThat(runs).filteredOn(r -> r.kind() == RunKind.BACKTEST && r.modelId().equals(h1)).isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(ModelRunCompleted.RunStatus.SUCCEEDED);
                    assertThat(r.rows()).isPositive();
                    assertThat(r.energyKwh()).isPositive();
                    assertThat(r.co2Grams()).isCloseTo(r.energyKwh() * r.carbonIntensityGPerKwh(),
                            org.assertj.core.data.Offset.offset(1e-12));
                });
        var trainings = runs.stream().filter(r -> r.kind() == RunKind.TRAINING && r.modelId().equals(h3)).toList();
        assertThat(trainings).hasSizeGreaterThanOrEqualTo(2).allSatisfy(r -> {
            assertThat(r.modelVersion()).isNotNull();
            assertThat(r.rows()).isPositive();
            assertThat(r.cpuSeconds()).isPositive();
            assertThat(r.method()).isIn("rapl", "cpu-time");
        });
        // The sink indexed them: the carbon report since the test started lists the forecaster's trainings.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode report = JSON.readTree(get("/api/v1/carbon/report?groupBy=model&from=" + testStart).body());
            JsonNode group = report.path("groups").valueStream().filter(g -> g.path("key").asString().equals(h3))
                    .findFirst().orElseThrow();
            assertThat(group.path("figures").path("runs").asLong()).isGreaterThanOrEqualTo(trainings.size());
            assertThat(group.path("figures").path("energyKwh").asDouble()).isPositive();
        });
    }

    @Test
    @Order(8)
    void anOutOfRangeHorizonIsAProblem() throws Exception {
        var response = post("/api/v1/predictions/forecasts", """
                {"series": "gas:53:sim:P1D", "horizonDays": 91}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("field").asString())
                .isEqualTo("horizonDays");
    }

    private boolean consumerGroupHasOffsets(String group) throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestBroker.bootstrapServers()))) {
            var groups = admin.describeConsumerGroups(List.of(group)).all().get();
            return groups.get(group).members().stream().anyMatch(m -> !m.assignment().topicPartitions().isEmpty());
        }
    }

    private <T extends EnergyWatchEvent> List<T> read(String topic, Class<T> type) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestBroker.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var out = new ArrayList<T>();
        try (var consumer = new KafkaConsumer<String, T>(config, new StringDeserializer(),
                EventSerde.of(type, "unused"))) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", TestTokens.bearer(Role.ADMIN))
                .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(30)
    void prometheusShowsTheEnrichedRecordsReadAndTheBacktestsRun() {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var scrape = io.energywatch.testsupport.PrometheusScrape.of(port, TestTokens.token("prometheus", Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.CONSUMPTION_ENRICHED.name(),
                "direction", "in")).isPositive();
        assertThat(scrape.sum("energywatch_backtest_seconds_count", "outcome", "succeeded")).isPositive();
        assertThat(scrape.sum("energywatch_backtest_seconds_sum", "outcome", "succeeded")).isPositive();
        assertThat(scrape.matching("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + path);
    }
}

package io.energywatch.prediction;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionEnriched.CalendarContext;
import io.energywatch.contracts.ConsumptionEnriched.SocialContext;
import io.energywatch.contracts.ConsumptionEnriched.WeatherContext;
import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.issuance.IssuedForecast;
import io.energywatch.prediction.issuance.IssuedForecastStore;
import io.energywatch.testsupport.HostileCorpus;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The prediction service's hostile-input corpus ({@code hostile/prediction-service.json}): every route (forecasts,
 * what-if, backtests and their jobs, the backtest summary, the carbon reports, issued forecasts and their accuracy)
 * with wrong JSON types, deep nesting, 20 MB bodies, non-finite numbers, impossible and far-off dates, operators and
 * paths as series ids, and overflowing numbers, on the real Kafka broker, Elasticsearch and the Mongo wire server. One
 * series has 30 days of history (fewer than training needs) and an issued forecast, so the checks past validation run
 * too; a refusal must leave the backtest jobs, issued forecasts and the model registry as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** The series with a history: its own source, so no other test's records fall in it. */
    private static final SeriesId DAILY = SeriesId.of(Carrier.GAS, "53", "ext-hostile", "P1D");
    private static final LocalDate FIRST = LocalDate.of(2024, 1, 1);
    private static final int DAYS = 30;
    private static final Path REGISTRY = temporaryDirectory();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.elasticsearch(registry);
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("prediction-hostile-" + RUN));
        registry.add("energywatch.prediction.models.registry-dir", REGISTRY::toString);
        registry.add("energywatch.prediction.models.mlflow-tracking-uri", () -> "");
        registry.add("energywatch.prediction.issuance.enabled", () -> "false");
        // Consumer groups and indices of its own: no other test's context shares a partition or a document with it.
        for (String group : List.of("history.group-id", "weather-forecasts.group-id", "indices.group-id",
                "indices.model-runs-group-id", "carbon.group-id", "carbon.intensity-group-id",
                "models.drift-group-id")) {
            registry.add("energywatch.prediction." + group, () -> "prediction-hostile-" + group + "-" + RUN);
        }
        registry.add("energywatch.prediction.indices.forecasts", () -> "ew-it-forecasts-hostile-" + RUN);
        registry.add("energywatch.prediction.indices.model-runs", () -> "ew-it-model-runs-hostile-" + RUN);
    }

    @Autowired
    Environment environment;
    @Autowired
    DailyHistory history;
    @Autowired
    IssuedForecastStore issued;
    @Autowired
    MongoTemplate mongo;

    @BeforeAll
    void seed() {
        var lineage = new Lineage("prediction-hostile-test", null, null, Instant.parse("2024-02-01T00:00:00Z"));
        var records = new ArrayList<ConsumptionEnriched>();
        for (int day = 0; day < DAYS; day++) {
            LocalDate d = FIRST.plusDays(day);
            Instant start = d.atStartOfDay(PARIS).toInstant();
            var measured = ConsumptionMeasured.of(DAILY, "53", start, d.plusDays(1).atStartOfDay(PARIS).toInstant(),
                    1000.0 + day, MeasurementUnit.MWH, QualityStatus.SIMULATED, List.of(), lineage);
            var weather = new WeatherContext(false, 2.0, 9.0, 5.0, null, null, null, null, 10.0, 0.0, "region",
                    List.of("prediction-hostile-test"));
            var calendar = new CalendarContext(d.getDayOfWeek(), d.getDayOfWeek().getValue() >= 6, false, null,
                    false, null);
            records.add(new ConsumptionEnriched(null, measured, d, weather, calendar, SocialContext.none()));
        }
        history.recordAll(records);
        await().until(() -> history.load(DAILY.toString()).records().size() == DAYS);
        LocalDate base = FIRST.plusDays(DAYS - 1);
        issued.save(new IssuedForecast(IssuedForecast.idOf(DAILY.toString(), base, 1, "1"), DAILY.toString(), base, 1,
                "forecast." + DAILY + ".h1", "1", "ridge", Instant.parse("2024-01-31T09:00:00Z"),
                List.of(new IssuedForecast.Step(base.plusDays(1), 1, 1030, 1000, 1060, 990, 1070, 5.0,
                        WeatherBasis.CLIMATOLOGY, "hostile-step-1"))));
    }

    Stream<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/prediction-service.json").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")),
                this::stored).check(c);
    }

    /** What a request could write: backtest jobs, issued forecasts and the registry's model folders. */
    private Map<String, Long> stored() {
        return Map.of(
                "backtest jobs", count("energywatch.prediction.backtests.collection"),
                "issued forecasts", count("energywatch.prediction.issuance.issues-collection"),
                "registered models", registered());
    }

    private long count(String collectionProperty) {
        return mongo.getCollection(environment.getRequiredProperty(collectionProperty)).countDocuments();
    }

    private static long registered() {
        try (Stream<Path> models = Files.list(REGISTRY)) {
            return models.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("prediction-hostile-registry");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

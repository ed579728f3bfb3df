package io.energywatch.ingestion.jobs;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.ingestion.IngestionApi;
import io.energywatch.ingestion.formats.FormatDetector;
import io.energywatch.ingestion.formats.IngestionKind;
import io.energywatch.ingestion.formats.ParseContext;
import io.energywatch.ingestion.formats.RecordSink;
import io.energywatch.ingestion.formats.SourceParsers;
import io.energywatch.ingestion.store.RawStore;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TopicCounter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Each real source format of ../shared/datasets, uploaded through the running service: the job's counts add up, MongoDB
 * holds exactly the accepted records, the raw topics received exactly them, rejections went to the dead-letter topic, and
 * a second upload adds nothing. Expected numbers come from an independent in-process parse of the same file (distinct
 * store keys); the parsers' own dataset tests pin those against counts computed outside Java.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealDatasetsIngestionTest {

    private static final Path DATASETS = Path.of(System.getProperty("energywatch.datasets", "../../shared/datasets"));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("real-datasets-test"));
        registry.add("energywatch.ingestion.spool-dir", () -> System.getProperty("java.io.tmpdir") + "/ew-spool-"
                + UUID.randomUUID());
        registry.add("energywatch.ingestion.batch-size", () -> "5000");
    }

    @BeforeAll
    static void datasetsPresent() {
        assumeTrue(Files.isDirectory(DATASETS), "shared datasets not found at " + DATASETS.toAbsolutePath()
                + ": skipping the real-dataset ingestion tests");
    }

    @Autowired
    Environment environment;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    RawStore rawStore;

    /** What an in-process parse of the file expects the pipeline to do. */
    record Expected(long accepts, long rejections, Map<String, Set<String>> keysByCollection) {
        long distinct() {
            return keysByCollection.values().stream().mapToLong(Set::size).sum();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "fr_national_conso_odre/consommation-quotidienne-brute_2012-2022.csv, consumption",
            "fr_regional_eco2mix/raw/eCO2mix_RTE_PACA_Annuel-Definitif_2013.csv, consumption",
            "seed_detectionanomalie/df_part3.csv, consumption",
            "uci_household_power/household_power_consumption_hourly_mean.csv, consumption",
            "uci_household_power/household_power_consumption_hourly_sum_mtadgat.csv, consumption",
            "uci_household_power/household_power_consumption_days.csv, consumption",
            "fr_weather/historique_meteo_datacorner/data/FR_Per_Region/MeteoFR_2019-01-01_2019-12-31.csv, weather",
            "fr_weather/historique_meteo_datacorner/data/FR_Per_Region/oldReg_MeteoFR_2019-01-01_2019-12-31.csv, weather",
            "fr_weather/temperature-quotidienne-regionale.csv, weather",
            "sncf_strikes/mouvements-sociaux-depuis-2002_gaspard0302.csv, social-movements"})
    void everyRecordIsAcceptedRejectedOrDuplicateAndStoredAndPublishedExactlyOnce(String file, String kind)
            throws Exception {
        Path path = DATASETS.resolve(file);
        assumeTrue(Files.isRegularFile(path), path + " not found: skipping");
        Expected expected = parseInProcess(path, IngestionKind.fromCode(kind));
        var api = new IngestionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        Map<String, Long> storedBefore = stored();
        Map<String, Long> topicsBefore = topicCounts();

        var first = api.upload(path, "kind=" + kind + "&filename=" + path.getFileName());
        assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
        JsonNode job = api.awaitJob(first.body().path("id").asString(), Duration.ofMinutes(4));

        assertThat(job.path("status").asString()).as(job.path("error").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("recordsRead").asLong()).isEqualTo(expected.accepts() + expected.rejections())
                .isEqualTo(job.path("accepted").asLong() + job.path("rejected").asLong()
                        + job.path("duplicates").asLong());
        assertThat(job.path("accepted").asLong()).isEqualTo(expected.distinct());
        assertThat(job.path("rejected").asLong()).isEqualTo(expected.rejections());
        assertThat(job.path("duplicates").asLong()).isEqualTo(expected.accepts() - expected.distinct());

        Map<String, Long> storedAfter = stored();
        Map<String, Long> topicsAfter = topicCounts();
        for (String collection : expected.keysByCollection().keySet()) {
            long added = storedAfter.get(collection) - storedBefore.get(collection);
            assertThat(added).as("new records in %s", collection)
                    .isEqualTo(expected.keysByCollection().get(collection).size());
            assertThat(topicsAfter.get(collection) - topicsBefore.get(collection)).as("records published for %s",
                    collection).isEqualTo(added);
        }
        assertThat(topicsAfter.get("dlq") - topicsBefore.get("dlq")).isEqualTo(expected.rejections());

        var second = api.upload(path, "kind=" + kind + "&filename=" + path.getFileName());
        JsonNode again = api.awaitJob(second.body().path("id").asString(), Duration.ofMinutes(4));
        assertThat(again.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(again.path("accepted").asLong()).isZero();
        assertThat(again.path("duplicates").asLong()).isEqualTo(expected.accepts());
        assertThat(again.path("rejected").asLong()).isEqualTo(expected.rejections());
        assertThat(stored()).isEqualTo(storedAfter);
        assertThat(topicCounts()).containsAllEntriesOf(Map.of("measurements", topicsAfter.get("measurements"),
                "weather", topicsAfter.get("weather"), "social_movements", topicsAfter.get("social_movements")));
    }

    /** The in-memory store holds every document in this JVM: each file's records are removed once checked. */
    @AfterEach
    void dropStoredRecords() {
        for (String c : new String[] {"measurements", "weather", "social_movements"}) {
            mongo.getCollection(c).drop();
        }
    }

    private static Expected parseInProcess(Path path, IngestionKind kind) throws Exception {
        Map<String, Set<String>> keys = new HashMap<>();
        long[] counts = new long[2];
        RecordSink sink = new RecordSink() {
            @Override
            public void accept(long line, EnergyWatchEvent event) {
                counts[0]++;
                keys.computeIfAbsent(collection(event), c -> new HashSet<>()).add(RawStore.storeKey(event));
            }

            @Override
            public void reject(long line, @Nullable String field, String reason, String raw) {
                counts[1]++;
            }
        };
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            var format = FormatDetector.detect(path, kind, null, null);
            new SourceParsers().forFormat(format).parse(in, new ParseContext(path.getFileName().toString(), "expected",
                    Instant.EPOCH, ParseContext.PARIS, null), sink);
        }
        return new Expected(counts[0], counts[1], keys);
    }

    private static String collection(EnergyWatchEvent e) {
        return switch (e) {
            case ConsumptionMeasured ignored -> "measurements";
            case WeatherObserved ignored -> "weather";
            case SocialMovementDeclared ignored -> "social_movements";
            default -> throw new IllegalStateException(e.getClass().getName());
        };
    }

    private Map<String, Long> stored() {
        Map<String, Long> m = new HashMap<>();
        for (String c : new String[] {"measurements", "weather", "social_movements"}) {
            m.put(c, rawStore.storedRecords(c));
        }
        return m;
    }

    private static Map<String, Long> topicCounts() {
        String kafka = KafkaTestBroker.bootstrapServers();
        return Map.of("measurements", TopicCounter.records(kafka, Topics.CONSUMPTION_RAW.name()),
                "weather", TopicCounter.records(kafka, Topics.WEATHER_RAW.name()),
                "social_movements", TopicCounter.records(kafka, Topics.SOCIAL_MOVEMENTS_RAW.name()),
                "dlq", TopicCounter.records(kafka, Topics.CONSUMPTION_RAW.dlq())
                        + TopicCounter.records(kafka, Topics.WEATHER_RAW.dlq())
                        + TopicCounter.records(kafka, Topics.SOCIAL_MOVEMENTS_RAW.dlq()));
    }
}

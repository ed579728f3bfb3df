package io.energywatch.fusion;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.DeadLetters;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.WeatherObserved;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service on the real Kafka broker (embedded KRaft) and the real Elasticsearch 9.2.0 distribution: what is
 * measured is enriched and indexed once, with the weather that was ingested, and a replay adds no document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FusionPipelineTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String APPLICATION_ID = "fusion-pipeline-" + RUN;
    private static final String INDEXER_GROUP = "fusion-indexer-" + RUN;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final LocalDate FIRST_DAY = LocalDate.of(2019, 2, 4);
    private static final int DAYS = 3;
    /** Accepted now: the enriched records' timestamps, so the broker's retention, count from it. */
    private static final Lineage LINEAGE = new Lineage("fusion-pipeline-test", null, null,
            Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.elasticsearch(registry);
        registry.add("energywatch.fusion.streams.application-id", () -> APPLICATION_ID);
        registry.add("energywatch.fusion.indexing.group-id", () -> INDEXER_GROUP);
        // Small polls, most of them full: the sink defers their daily documents (EnrichedSink) and recomputes them when
        // a poll comes back short or the topic goes idle, so these tests check the deferred path too.
        registry.add("energywatch.fusion.indexing.bulk-size", () -> 16);
        registry.add("energywatch.fusion.indexing.daily-delay", () -> "2s");
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir")
                + "/fusion-pipeline-" + RUN);
    }

    @Autowired
    Environment environment;

    KafkaTestClients kafka;
    FusionApi api;

    @BeforeEach
    void clients() {
        kafka = new KafkaTestClients(KafkaTestBroker.bootstrapServers());
        api = new FusionApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    @Test
    void everyMeasurementIsIndexedOnceWithTheIngestedWeatherAndAReplayAddsNoDocument() {
        SeriesId series = SeriesId.of(Carrier.GAS, "53", "ext-it" + RUN, "PT1H");
        List<ConsumptionMeasured> measured = hours(series, FIRST_DAY, DAYS);
        List<WeatherObserved> weather = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            weather.add(new WeatherObserved(null, "53", FIRST_DAY.plusDays(d), 1.0 + d, 9.0 + d, null, 20.0, 85.0, null,
                    70.0, null, "historique-meteo", List.of("rennes"), List.of(), LINEAGE));
        }
        // Measurements first: the weather arriving after them must re-emit the records it completes.
        kafka.produce(Topics.CONSUMPTION_RAW.name(), measured, ConsumptionMeasured::seriesId);
        kafka.produce(Topics.WEATHER_RAW.name(), weather, WeatherObserved::regionCode);

        String query = "/api/v1/enriched?series=" + series + "&from=" + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(DAYS - 1)
                + "&size=1000";
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode page = api.get(query).body();
            assertThat(page.path("totalElements").asLong()).isEqualTo(measured.size());
            assertThat(page.path("content").valueStream().filter(d -> d.path("weatherMissing").asBoolean())).isEmpty();
        });

        JsonNode sample = api.get(query).body().path("content").get(30);
        LocalDate sampleDay = LocalDate.parse(sample.path("localDate").asString());
        WeatherObserved ingested = weather.stream().filter(w -> w.date().equals(sampleDay)).findFirst().orElseThrow();
        assertThat(sample.path("tempMeanC").asDouble()).isEqualTo(ingested.tempMeanC());
        assertThat(sample.path("tempMinC").asDouble()).isEqualTo(ingested.tempMinC());
        assertThat(sample.path("heatingDegreeDays").asDouble()).isEqualTo(18.0 - ingested.tempMeanC());
        assertThat(sample.path("weatherSources").get(1).asString()).isEqualTo("rennes");
        assertThat(sample.path("region").asString()).isEqualTo("53");

        JsonNode daily = awaitDaily(series);
        assertThat(daily.path("buckets")).hasSize(DAYS);
        assertThat(daily.path("buckets").get(0).path("records").asLong()).isEqualTo(24);
        assertThat(daily.path("buckets").get(0).path("energyMwhSum").asDouble()).isEqualTo(energyOfDay(measured, FIRST_DAY));

        // Replay: the same measurements again go through the fusion and the sink and overwrite what is there. A
        // sentinel hour after them, on the same key so the same partitions, tells when the replay has been indexed.
        kafka.produce(Topics.CONSUMPTION_RAW.name(), measured, ConsumptionMeasured::seriesId);
        List<ConsumptionMeasured> sentinel = hours(series, FIRST_DAY.plusDays(DAYS), 1).subList(0, 1);
        kafka.produce(Topics.CONSUMPTION_RAW.name(), sentinel, ConsumptionMeasured::seriesId);
        String withSentinel = "/api/v1/enriched?series=" + series + "&from=" + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(DAYS)
                + "&size=1";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(withSentinel).body().path("totalElements").asLong() > measured.size());
        assertThat(api.get(withSentinel).body().path("totalElements").asLong()).isEqualTo(measured.size() + 1);
        assertThat(api.get(query).body().path("totalElements").asLong()).isEqualTo(measured.size());
        JsonNode replayedDaily = awaitDaily(series);
        assertThat(replayedDaily.path("buckets").get(0).path("records").asLong()).isEqualTo(24);
        assertThat(replayedDaily.path("buckets").get(0).path("energyMwhSum").asDouble())
                .isEqualTo(energyOfDay(measured, FIRST_DAY));
        // Deferred daily documents hold the batches' offsets back; once recomputed, every batch is committed.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                kafka.committedEveryTransactionalRecord(INDEXER_GROUP, Topics.CONSUMPTION_ENRICHED.name()));

        JsonNode stats = api.get("/api/v1/enriched/stats").body();
        assertThat(stats.path("enrichedRecords").asLong()).isGreaterThanOrEqualTo(measured.size());
        assertThat(stats.path("byCarrier").path("gas").asLong()).isGreaterThanOrEqualTo(measured.size());
        assertThat(stats.path("latest").path("seriesId").asString()).isNotBlank();

        // The fusion's domain meters after this run, read as Prometheus does with a viewer's token.
        var scrape = io.energywatch.testsupport.PrometheusScrape.of(
                environment.getRequiredProperty("local.server.port", Integer.class),
                io.energywatch.testsupport.TestTokens.token("prometheus", io.energywatch.service.security.Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.CONSUMPTION_RAW.name(), "direction", "in"))
                .isGreaterThanOrEqualTo(2 * measured.size());
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.WEATHER_RAW.name(), "direction", "in"))
                .isGreaterThanOrEqualTo(DAYS);
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.CONSUMPTION_ENRICHED.name(),
                "direction", "out")).isGreaterThanOrEqualTo(2 * measured.size());
        assertThat(scrape.sum("energywatch_event_age_seconds_count", "hop", "enrichment"))
                .isGreaterThanOrEqualTo(2 * measured.size());
        assertThat(scrape.sum("energywatch_event_age_seconds", "hop", "enrichment", "quantile", "0.95")).isPositive();
        assertThat(scrape.matching("kafka_stream_thread_process_total")).isNotEmpty();
    }

    /**
     * What integrators read: the series catalogue, the latest-N and hours= shortcuts, stats in a window, and lists as
     * CSV with their paging in headers. Its own series and days, so it does not depend on the other tests.
     */
    @Test
    void integratorsReadTheCatalogueTheShortcutsAndCsv() {
        SeriesId series = SeriesId.of(Carrier.ELECTRICITY, "53", "ext-cat" + RUN, "PT1H");
        LocalDate first = LocalDate.of(2018, 3, 5);
        List<ConsumptionMeasured> measured = hours(series, first, 2);
        kafka.produce(Topics.CONSUMPTION_RAW.name(), measured, ConsumptionMeasured::seriesId);
        String one = "/api/v1/series/" + series;
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get(one).body().path("records").asLong() == measured.size());

        JsonNode entry = api.get(one).body();
        Instant lastStart = measured.getLast().intervalStart();
        assertThat(entry.path("carrier").asString()).isEqualTo("electricity");
        assertThat(entry.path("area").asString()).isEqualTo("53");
        assertThat(entry.path("region").asString()).isEqualTo("53");
        assertThat(entry.path("source").asString()).isEqualTo("ext-cat" + RUN);
        assertThat(entry.path("resolution").asString()).isEqualTo("PT1H");
        assertThat(entry.path("unit").asString()).isEqualTo("MW");
        assertThat(entry.path("firstInstant").asString()).isEqualTo(measured.getFirst().intervalStart().toString());
        assertThat(entry.path("lastInstant").asString()).isEqualTo(lastStart.toString());
        assertThat(entry.path("coveredUntil").asString()).isEqualTo(measured.getLast().intervalEnd().toString());
        assertThat(entry.path("missingValues").asLong()).isZero();
        JsonNode listed = api.get("/api/v1/series?source=ext-cat" + RUN).body();
        assertThat(listed.path("totalElements").asLong()).isEqualTo(1);
        assertThat(listed.path("content").get(0).path("id").asString()).isEqualTo(series.toString());
        var unknown = api.get("/api/v1/series/gas:FR:nowhere:PT1H");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");

        // latest=N: the N most recent points, oldest first; hours=H: the H hours ending at the series' last interval.
        JsonNode latest = api.get("/api/v1/enriched?series=" + series + "&latest=5").body();
        assertThat(latest.path("totalElements").asLong()).isEqualTo(5);
        assertThat(latest.path("content").valueStream().map(d -> d.path("intervalStart").asString()).toList())
                .containsExactly(lastStart.minus(Duration.ofHours(4)).toString(),
                        lastStart.minus(Duration.ofHours(3)).toString(), lastStart.minus(Duration.ofHours(2)).toString(),
                        lastStart.minus(Duration.ofHours(1)).toString(), lastStart.toString());
        JsonNode sixHours = api.get("/api/v1/enriched?series=" + series + "&hours=6").body();
        assertThat(sixHours.path("totalElements").asLong()).isEqualTo(6);
        assertThat(sixHours.path("content").get(0).path("intervalStart").asString())
                .isEqualTo(lastStart.minus(Duration.ofHours(5)).toString());
        var mixed = api.get("/api/v1/enriched?series=" + series + "&latest=5&from=2018-03-05");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.contentType()).startsWith("application/problem+json");
        assertThat(mixed.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("from", "latest");

        // Stats in a window echo it; these two local days hold this test's records only.
        JsonNode stats = api.get("/api/v1/enriched/stats?from=2018-03-05&to=2018-03-06").body();
        assertThat(stats.path("window").path("from").asString())
                .isEqualTo(first.atStartOfDay(PARIS).toInstant().toString());
        assertThat(stats.path("window").path("to").asString())
                .isEqualTo(first.plusDays(2).atStartOfDay(PARIS).toInstant().toString());
        assertThat(stats.path("enrichedRecords").asLong()).isEqualTo(measured.size());
        assertThat(api.get("/api/v1/enriched/stats?hours=24&to=2018-03-06").status()).isEqualTo(400);

        // CSV: the catalogue, a page of records with its paging in headers, and the aggregates one row per interval.
        var catalogue = api.getText("/api/v1/series?source=ext-cat" + RUN, "text/csv");
        assertThat(catalogue.contentType()).startsWith("text/csv");
        assertThat(catalogue.body().lines().toList()).containsExactly(
                "id,carrier,area,region,source,resolution,unit,firstInstant,lastInstant,coveredUntil,records,"
                        + "missingValues",
                series + ",electricity,53,53,ext-cat" + RUN + ",PT1H,MW," + measured.getFirst().intervalStart() + ","
                        + lastStart + "," + measured.getLast().intervalEnd() + ",48,0");
        var page = api.getText("/api/v1/enriched?series=" + series + "&size=10&page=1", "text/csv");
        List<String> rows = page.body().lines().toList();
        assertThat(rows).hasSize(11);
        assertThat(rows.getFirst()).startsWith("eventId,seriesId,carrier,area,region,source,resolution,intervalStart,");
        assertThat(rows.get(1)).contains("," + measured.get(10).intervalStart() + ",");
        assertThat(page.headers().firstValue("X-Total-Count")).contains("48");
        assertThat(page.headers().firstValue("Link").orElseThrow())
                .contains("</api/v1/enriched?series=" + series + "&page=2&size=10>; rel=\"next\"")
                .contains("page=4&size=10>; rel=\"last\"");
        String aggregates = "/api/v1/enriched/aggregates?region=53&from=2018-03-05&to=2018-03-06&interval=day";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.getText(aggregates, "text/csv").body().lines().filter(l -> l.startsWith(series + ",")).count() == 2);
        List<String> daily = api.getText(aggregates, "text/csv").body().lines().toList();
        assertThat(daily.getFirst()).startsWith("seriesId,start,days,records,valuedRecords,energyMwhSum,");
        assertThat(daily).anySatisfy(line -> assertThat(line).startsWith(series + ",2018-03-05,1,24,24,"));
    }

    @Test
    void anUnreadableMeasurementIsDeadLetteredWithItsReason() {
        String key = "electricity:11:ext-garbage" + RUN + ":PT1H";
        kafka.produceBytes(Topics.CONSUMPTION_RAW.name(), key, "{not json".getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var dead = kafka.readCommitted(Topics.CONSUMPTION_RAW.dlq(), new ByteArrayDeserializer()).stream()
                    .filter(r -> key.equals(r.key())).toList();
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
                assertThat(new String(r.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8))
                        .contains("ConsumptionMeasured");
            });
        });
    }

    @Test
    void badQueriesGetProblemsNamingTheParameter() {
        var noSeries = api.get("/api/v1/enriched");
        assertThat(noSeries.status()).isEqualTo(400);
        assertThat(noSeries.contentType()).startsWith("application/problem+json");
        assertThat(noSeries.body().path("errors").get(0).path("field").asString()).isEqualTo("series");

        assertThat(api.get("/api/v1/enriched?series=x&size=5000").status()).isEqualTo(400);
        var badDate = api.get("/api/v1/enriched?series=x&from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").get(0).path("field").asString()).isEqualTo("from");
        var badInterval = api.get("/api/v1/enriched/aggregates?region=53&from=2024-01-01&to=2024-01-31&interval=year");
        assertThat(badInterval.status()).isEqualTo(400);
        assertThat(badInterval.body().path("errors").get(0).path("field").asString()).isEqualTo("interval");
        var health = api.get("/actuator/health");
        assertThat(health.body().path("components").path("elasticsearch").path("status").asString()).isEqualTo("UP");
        assertThat(health.body().path("components").path("fusionStreams").path("status").asString()).isEqualTo("UP");
        // The weather view runs beside the fusion (started before it by the application's lifecycle).
        assertThat(health.body().path("components").path("fusionStreams").path("details").path("weatherView")
                .asString()).isEqualTo("RUNNING");
    }

    private JsonNode awaitDaily(SeriesId series) {
        String path = "/api/v1/enriched/aggregates?region=53&from=" + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(DAYS - 1)
                + "&interval=day";
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode body = api.get(path).body();
            found[0] = body.path("series").valueStream().filter(s -> s.path("seriesId").asString()
                    .equals(series.toString())).findFirst().orElse(null);
            assertThat(found[0]).isNotNull();
            assertThat(found[0].path("buckets")).hasSize(DAYS);
            assertThat(found[0].path("buckets").valueStream().mapToLong(b -> b.path("records").asLong()).sum())
                    .isEqualTo(24L * DAYS);
        });
        return found[0];
    }

    private static List<ConsumptionMeasured> hours(SeriesId series, LocalDate first, int days) {
        List<ConsumptionMeasured> values = new ArrayList<>();
        Instant end = first.plusDays(days).atStartOfDay(PARIS).toInstant();
        int i = 0;
        for (Instant t = first.atStartOfDay(PARIS).toInstant(); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            values.add(ConsumptionMeasured.of(series, "53", t, t.plus(Duration.ofHours(1)), 500.0 + (i++ % 24) * 10,
                    MeasurementUnit.MW, QualityStatus.CONSOLIDATED, List.of(), LINEAGE));
        }
        return values;
    }

    private static double energyOfDay(List<ConsumptionMeasured> measured, LocalDate day) {
        return measured.stream().filter(m -> LocalDate.ofInstant(m.intervalStart(), PARIS).equals(day))
                .mapToDouble(ConsumptionMeasured::energyMwh).sum();
    }
}

package io.energywatch.fusion;

import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import io.energywatch.fusion.support.KafkaTestClients;
import io.energywatch.testsupport.KafkaTestBroker;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The downsampled read of a series on the real Elasticsearch: each bucket's min, max and mean power are those of the
 * records indexed in its interval, whatever the window (from/to, hours, latest) and the number of points asked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeriesViewTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** 1 May, a public holiday, then two working days. */
    private static final LocalDate FIRST_DAY = LocalDate.of(2017, 5, 1);
    private static final int DAYS = 3;
    private static final int MISSING = 5;
    private static final Lineage LINEAGE = new Lineage("series-view-test", null, null,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.elasticsearch(registry);
        registry.add("energywatch.fusion.streams.application-id", () -> "fusion-view-" + RUN);
        registry.add("energywatch.fusion.indexing.group-id", () -> "fusion-view-indexer-" + RUN);
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir")
                + "/fusion-view-" + RUN);
    }

    @Autowired
    Environment environment;

    @Test
    void bucketsHoldTheMinMaxAndMeanOfTheRecordsInTheirInterval() {
        FusionApi api = new FusionApi(environment.getRequiredProperty("local.server.port", Integer.class));
        SeriesId series = SeriesId.of(Carrier.ELECTRICITY, "53", "ext-view" + RUN, "PT1H");
        List<ConsumptionMeasured> measured = hours(series);
        new KafkaTestClients(KafkaTestBroker.bootstrapServers())
                .produce(Topics.CONSUMPTION_RAW.name(), measured, ConsumptionMeasured::seriesId);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.get("/api/v1/enriched?series=" + series + "&size=1").body().path("totalElements").asLong()
                        == measured.size());

        // 72 hours in at most 10 points: 8-hour buckets (7.2 h rounded up to whole steps) from the window's start.
        JsonNode view = api.get("/api/v1/enriched/view?series=" + series + "&from=" + FIRST_DAY + "&to="
                + FIRST_DAY.plusDays(DAYS - 1) + "&points=10").body();
        assertThat(view.path("interval").asString()).isEqualTo("PT8H");
        assertThat(view.path("records").asLong()).isEqualTo(measured.size());
        assertThat(view.path("buckets")).hasSize(9);
        assertThat(view.path("buckets").get(0).path("start").asString())
                .isEqualTo(FIRST_DAY.atStartOfDay(PARIS).toInstant().toString());
        assertEqualsRecords(view, measured);
        assertThat(view.path("buckets").get(0).path("valuedRecords").asLong()).isEqualTo(7);
        assertThat(view.path("buckets").valueStream().mapToLong(b -> b.path("holidayRecords").asLong()).sum())
                .isEqualTo(24);

        // More points than records: one bucket per record.
        JsonNode fine = api.get("/api/v1/enriched/view?series=" + series + "&from=" + FIRST_DAY + "&to="
                + FIRST_DAY.plusDays(DAYS - 1) + "&points=5000").body();
        assertThat(fine.path("interval").asString()).isEqualTo("PT1H");
        assertThat(fine.path("buckets")).hasSize(measured.size());
        assertEqualsRecords(fine, measured);
        assertThat(fine.path("buckets").get(MISSING).path("powerMwAvg").isNumber()).isFalse();

        // The shortcuts: the 24 hours ending at the series' end, the 10 latest records; no bound: the whole series.
        JsonNode day = api.get("/api/v1/enriched/view?series=" + series + "&hours=24&points=4").body();
        assertThat(day.path("interval").asString()).isEqualTo("PT6H");
        assertThat(day.path("records").asLong()).isEqualTo(24);
        assertEqualsRecords(day, measured);
        JsonNode latest = api.get("/api/v1/enriched/view?series=" + series + "&latest=10&points=2").body();
        assertThat(latest.path("records").asLong()).isEqualTo(10);
        assertThat(latest.path("from").asString()).isEqualTo(measured.get(measured.size() - 10).intervalStart().toString());
        assertEqualsRecords(latest, measured);
        JsonNode whole = api.get("/api/v1/enriched/view?series=" + series).body();
        assertThat(whole.path("points").asInt()).isEqualTo(2000);
        assertThat(whole.path("records").asLong()).isEqualTo(measured.size());

        var tooMany = api.get("/api/v1/enriched/view?series=" + series + "&points=10001");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body().path("errors").get(0).path("field").asString()).isEqualTo("points");
        var notASeries = api.get("/api/v1/enriched/view?series=nothing");
        assertThat(notASeries.status()).isEqualTo(400);
        assertThat(notASeries.body().path("errors").get(0).path("field").asString()).isEqualTo("series");
        assertThat(api.get("/api/v1/enriched/view?series=" + series + "&hours=2&latest=3").status()).isEqualTo(400);
    }

    /** Every bucket's counts, min, max and mean are those of the measured records starting in its interval. */
    private static void assertEqualsRecords(JsonNode view, List<ConsumptionMeasured> measured) {
        assertThat(view.path("buckets")).isNotEmpty();
        for (JsonNode bucket : view.path("buckets").valueStream().toList()) {
            Instant start = Instant.parse(bucket.path("start").asString());
            Instant end = Instant.parse(bucket.path("end").asString());
            List<ConsumptionMeasured> in = measured.stream().filter(m -> !m.intervalStart().isBefore(start)
                    && m.intervalStart().isBefore(end)).toList();
            DoubleSummaryStatistics power = in.stream().map(ConsumptionMeasured::powerMw).filter(Objects::nonNull)
                    .mapToDouble(Double::doubleValue).summaryStatistics();
            assertThat(bucket.path("records").asLong()).as("records from %s", start).isEqualTo(in.size());
            assertThat(bucket.path("valuedRecords").asLong()).isEqualTo(power.getCount());
            if (power.getCount() > 0) {
                assertThat(bucket.path("powerMwMin").asDouble()).as("min from %s", start).isEqualTo(power.getMin());
                assertThat(bucket.path("powerMwMax").asDouble()).as("max from %s", start).isEqualTo(power.getMax());
                assertThat(bucket.path("powerMwAvg").asDouble()).as("mean from %s", start)
                        .isCloseTo(power.getAverage(), within(1e-9));
            }
        }
    }

    private static List<ConsumptionMeasured> hours(SeriesId series) {
        List<ConsumptionMeasured> values = new ArrayList<>();
        Instant end = FIRST_DAY.plusDays(DAYS).atStartOfDay(PARIS).toInstant();
        int i = 0;
        for (Instant t = FIRST_DAY.atStartOfDay(PARIS).toInstant(); t.isBefore(end); t = t.plus(Duration.ofHours(1))) {
            Double value = i == MISSING ? null : 400.0 + (i * 37) % 101 + i / 10.0;
            values.add(ConsumptionMeasured.of(series, "53", t, t.plus(Duration.ofHours(1)), value, MeasurementUnit.MW,
                    QualityStatus.CONSOLIDATED, List.of(), LINEAGE));
            i++;
        }
        return values;
    }
}

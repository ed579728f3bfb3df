package io.energywatch.anomaly.clustering;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.contracts.Carrier;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.Lineage;
import io.energywatch.contracts.MeasurementUnit;
import io.energywatch.contracts.QualityStatus;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /api/v1/clusters} over the meters the detection listener has seen on the enriched topic. */
class ClusteringEndpointTest extends AnomalyServiceTest {

    private static final Instant MONDAY = Instant.parse("2024-03-04T00:00:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A week of hourly load of a meter that peaks in office hours on weekdays, or every evening. */
    private static List<ConsumptionEnriched> meter(String name, boolean office, double size) {
        var series = SeriesId.of(Carrier.GAS, "meter-" + name + RUN, "ext-cluster", "PT1H");
        var lineage = new Lineage("clustering-test", null, null, MONDAY);
        List<ConsumptionEnriched> events = new ArrayList<>();
        for (int h = 0; h < 7 * 24; h++) {
            Instant start = MONDAY.plusSeconds(3600L * h);
            var local = start.atZone(PARIS);
            boolean weekday = local.getDayOfWeek().getValue() <= 5;
            int hour = local.getHour();
            double load = office ? (weekday && hour >= 8 && hour < 18 ? 3 : 0.5) : (hour >= 18 && hour < 23 ? 3 : 0.8);
            var measured = ConsumptionMeasured.of(series, null, start, start.plusSeconds(3600), size * load,
                    MeasurementUnit.MW, QualityStatus.DEFINITIVE, List.of(), lineage);
            events.add(new ConsumptionEnriched(null, measured, local.toLocalDate(),
                    new ConsumptionEnriched.WeatherContext(true, null, null, null, null, null, null, null, null, null,
                            null, List.of()),
                    new ConsumptionEnriched.CalendarContext(local.getDayOfWeek(), !weekday, false, null, false, null),
                    ConsumptionEnriched.SocialContext.none()));
        }
        return events;
    }

    @Test
    void metersSeenOnTheStreamAreClusteredByTheShapeOfTheirWeekNotTheirSize() {
        List<ConsumptionEnriched> events = new ArrayList<>();
        events.addAll(meter("officea", true, 1));
        events.addAll(meter("officeb", true, 20));
        events.addAll(meter("homea", false, 0.2));
        events.addAll(meter("homeb", false, 5));
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(), events, e -> e.measurement().seriesId());

        // Two meters per shape: DBSCAN needs minPts (= neighbours) below that.
        String request = "{\"level\":\"METER\",\"carrier\":\"gas\",\"maxK\":3,\"neighbours\":1}";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var response = api.postJson("/api/v1/clusters", request);
            assertThat(response.status()).isEqualTo(200);
            JsonNode report = response.json();
            assertThat(report.path("entities").asInt()).isEqualTo(4);
            JsonNode kmeans = report.path("kmeans");
            assertThat(kmeans.path("k").asInt()).isEqualTo(2);
            JsonNode assigned = kmeans.path("assignments");
            assertThat(assigned.path("meter-officea" + RUN).asInt()).isEqualTo(assigned.path("meter-officeb" + RUN).asInt());
            assertThat(assigned.path("meter-homea" + RUN).asInt()).isEqualTo(assigned.path("meter-homeb" + RUN).asInt());
            assertThat(assigned.path("meter-officea" + RUN).asInt()).isNotEqualTo(assigned.path("meter-homea" + RUN)
                    .asInt());
            assertThat(kmeans.path("silhouette").asDouble()).isGreaterThan(0.9);
            assertThat(report.path("profiles").path("meter-homea" + RUN)).hasSize(LoadProfiles.SLOTS);
            assertThat(report.path("dbscan").path("clusters").asInt()).isEqualTo(2);
        });

        var tooFew = api.postJson("/api/v1/clusters", "{\"level\":\"REGION\",\"carrier\":\"gas\"}");
        assertThat(tooFew.status()).isEqualTo(422);
        assertThat(tooFew.contentType()).startsWith("application/problem+json");
        assertThat(api.postJson("/api/v1/clusters", "{\"level\":\"STREET\"}").status()).isEqualTo(400);
    }
}

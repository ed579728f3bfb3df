package io.energywatch.anomaly.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Enriched events with clear spikes go in on Kafka; the same anomalies land in MongoDB, Elasticsearch and on the
 * anomalies topic, and operator feedback changes their status and the statistics.
 */
class AnomalyPipelineTest extends AnomalyServiceTest {

    private static final Set<Integer> SPIKES = Set.of(80, 120);

    @Autowired
    ElasticsearchClient elasticsearch;

    @Autowired
    AnomalyStore store;

    @Test
    void spikesInTheEnrichedStreamLandOnceInMongoElasticsearchAndTheTopic() throws IOException {
        var series = SyntheticSeries.series("ext-pipe" + RUN);
        List<ConsumptionEnriched> events = SyntheticSeries.enriched(series, "11",
                SyntheticSeries.values(168, SPIKES));
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(), events, e -> e.measurement().seriesId());

        String list = "/api/v1/anomalies?series=" + series + "&size=100";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get(list).json().path("totalElements").asLong()).isEqualTo(SPIKES.size()));
        JsonNode page = api.get(list).json();
        List<Instant> stored = page.path("content").valueStream()
                .map(a -> Instant.parse(a.path("intervalStart").asString())).toList();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(SPIKES.stream().map(SyntheticSeries::hour).toList());
        assertThat(page.path("content").valueStream().map(a -> a.path("status").asString())).containsOnly("OPEN");
        assertThat(page.path("content").get(0).path("costImpactEur").asDouble()).isPositive();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(indexedCount(series.toString())).isEqualTo(SPIKES.size()));
        List<ConsumerRecord<String, AnomalyDetected>> published = kafka.read(Topics.ANOMALIES.name(),
                AnomalyDetected.class).stream().filter(r -> series.toString().equals(r.key())).toList();
        assertThat(published).extracting(r -> r.value().anomalyId()).containsExactlyInAnyOrderElementsOf(
                page.path("content").valueStream().map(a -> a.path("anomalyId").asString()).toList());

        // A redelivery of the whole series (same ids) adds nothing to either store.
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(), events, e -> e.measurement().seriesId());
        var sentinelSeries = SyntheticSeries.series("ext-sentinel" + RUN);
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(sentinelSeries, "11", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get("/api/v1/anomalies?series=" + sentinelSeries).json().path("totalElements").asLong())
                        .isEqualTo(1));
        assertThat(api.get(list).json().path("totalElements").asLong()).isEqualTo(SPIKES.size());
        assertThat(indexedCount(series.toString())).isEqualTo(SPIKES.size());
    }

    @Test
    void feedbackChangesTheStatusAndThePrecisionInTheStatistics() throws IOException {
        var series = SyntheticSeries.series("ext-feedback" + RUN);
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(series, "93", SyntheticSeries.values(168, SPIKES)),
                e -> e.measurement().seriesId());
        String list = "/api/v1/anomalies?series=" + series + "&sort=score";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get(list).json().path("totalElements").asLong()).isEqualTo(SPIKES.size()));
        JsonNode anomalies = api.get(list).json().path("content");
        String confirmed = anomalies.get(0).path("anomalyId").asString();
        String falsePositive = anomalies.get(1).path("anomalyId").asString();
        assertThat(anomalies.get(0).path("score").asDouble()).isGreaterThanOrEqualTo(anomalies.get(1).path("score")
                .asDouble());
        JsonNode before = streamingPrecision(api.get("/api/v1/anomalies/stats").json());

        var answer = api.postJson("/api/v1/anomalies/" + confirmed + "/feedback",
                "{\"verdict\":\"CONFIRMED\",\"comment\":\"meter checked\"}");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("CONFIRMED");
        // The author is whoever the token names, whatever the body says.
        assertThat(answer.json().path("statusChangedBy").asString()).isEqualTo("test-admin");
        assertThat(api.postJson("/api/v1/anomalies/" + falsePositive + "/feedback",
                "{\"verdict\":\"FALSE_POSITIVE\"}").status()).isEqualTo(200);

        JsonNode stats = api.get("/api/v1/anomalies/stats").json();
        assertThat(stats.propertyNames()).containsExactly("window", "total", "bySeverity", "byRegion", "byType",
                "byStatus", "costImpactEur", "precision");
        JsonNode after = streamingPrecision(stats);
        long confirmedCount = after.path("confirmed").asLong();
        long falseCount = after.path("falsePositives").asLong();
        assertThat(confirmedCount).isEqualTo(before.path("confirmed").asLong(0) + 1);
        assertThat(falseCount).isEqualTo(before.path("falsePositives").asLong(0) + 1);
        assertThat(after.path("precision").asDouble()).isEqualTo(confirmedCount / (double) (confirmedCount + falseCount));
        assertThat(stats.path("byStatus").path("CONFIRMED").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.path("byRegion").path("93").asLong()).isGreaterThanOrEqualTo(SPIKES.size());
        assertThat(stats.path("total").asLong()).isEqualTo(sum(stats.path("bySeverity")));
        assertThat(stats.path("total").asLong()).isEqualTo(sum(stats.path("byType")));

        assertThat(api.get("/api/v1/anomalies?series=" + series + "&status=CONFIRMED").json().path("content")
                .valueStream().map(a -> a.path("anomalyId").asString())).containsExactly(confirmed);
        assertThat(api.get("/api/v1/anomalies?series=" + series + "&status=OPEN").json().path("totalElements")
                .asLong()).isEqualTo(SPIKES.size() - 2);
        assertThat(api.get("/api/v1/anomalies?series=" + series + "&region=93&type=SPIKE").json()
                .path("totalElements").asLong()).isEqualTo(SPIKES.size());
        assertThat(api.get("/api/v1/anomalies?series=" + series + "&region=11").json().path("totalElements").asLong())
                .isZero();
        // The local day of 7 March holds the spike of hour 80 (08:00 UTC), not the one of 9 March at 00:00 UTC.
        assertThat(api.get("/api/v1/anomalies?series=" + series + "&from=2024-03-07&to=2024-03-07").json()
                .path("totalElements").asLong()).isEqualTo(1);
        assertThat(api.get("/api/v1/anomalies/" + falsePositive).json().path("status").asString())
                .isEqualTo("FALSE_POSITIVE");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(indexedStatus(confirmed)).isEqualTo("CONFIRMED"));

        var bad = api.postJson("/api/v1/anomalies/" + confirmed + "/feedback", "{\"verdict\":\"MAYBE\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/anomalies/no-such-anomaly").status()).isEqualTo(404);
    }

    private JsonNode streamingPrecision(JsonNode stats) {
        return stats.path("precision").valueStream()
                .filter(p -> p.path("modelId").asString().equals("streaming-detector")).findFirst()
                .orElse(tools.jackson.databind.node.JsonNodeFactory.instance.objectNode());
    }

    private static long sum(JsonNode counts) {
        return counts.valueStream().mapToLong(JsonNode::asLong).sum();
    }

    /** MongoDB is written before the indexer runs: a verdict in between must not fail nor be lost in the index. */
    @Test
    void aVerdictOnAnAnomalyNotIndexedYetIndexesItWithItsStatus() throws IOException {
        String seriesId = SyntheticSeries.series("ext-early" + RUN).toString();
        Instant start = SyntheticSeries.hour(30);
        String id = AnomalyDocument.idOf(seriesId, start);
        store.insertIfAbsent(List.of(new AnomalyDocument(id, seriesId, "11", "11", start, start.plusSeconds(3600),
                180.0, 100.0, 90.0, 110.0, 0.9, io.energywatch.contracts.Severity.HIGH,
                io.energywatch.contracts.AnomalyType.SPIKE, List.of(), "check the meter", 12.0, "anomaly-streaming",
                "consumption", start.plusSeconds(3600), AnomalyStatus.OPEN, start.plusSeconds(3600), null)));
        // The alias may not exist yet when this test runs first: then nothing is indexed either.
        boolean aliasExists = elasticsearch.indices().existsAlias(a -> a.name(ALIAS)).value();
        assertThat(aliasExists ? indexedStatus(id) : null).as("not indexed before the verdict").isNull();

        var answer = api.postJson("/api/v1/anomalies/" + id + "/feedback",
                "{\"verdict\":\"CONFIRMED\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(indexedStatus(id)).isEqualTo("CONFIRMED");
        assertThat(indexedCount(seriesId)).isEqualTo(1);
    }

    @Test
    void anOperatorAcknowledgesAnOpenAnomalyUnderTheTokensSubjectButNotOneWithAVerdict() {
        String seriesId = SyntheticSeries.series("ext-ack" + RUN).toString();
        Instant start = SyntheticSeries.hour(40);
        String open = AnomalyDocument.idOf(seriesId, start);
        String judged = AnomalyDocument.idOf(seriesId, start.plusSeconds(3600));
        for (String id : List.of(open, judged)) {
            Instant at = id.equals(open) ? start : start.plusSeconds(3600);
            store.insertIfAbsent(List.of(new AnomalyDocument(id, seriesId, "11", "11", at, at.plusSeconds(3600),
                    180.0, 100.0, 90.0, 110.0, 0.9, io.energywatch.contracts.Severity.HIGH,
                    io.energywatch.contracts.AnomalyType.SPIKE, List.of(), "check the meter", 12.0,
                    "anomaly-streaming", "consumption", at, AnomalyStatus.OPEN, at, null)));
        }
        var operator = api.as(io.energywatch.service.security.Role.OPERATOR);

        var ack = operator.postJson("/api/v1/anomalies/" + open + "/acknowledgement", "");
        assertThat(ack.status()).isEqualTo(200);
        assertThat(ack.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.json().path("statusChangedBy").asString()).isEqualTo("test-operator");
        assertThat(api.get("/api/v1/anomalies/" + open).json().path("statusChangedBy").asString())
                .isEqualTo("test-operator");

        assertThat(operator.postJson("/api/v1/anomalies/" + judged + "/feedback", "{\"verdict\":\"CONFIRMED\"}")
                .status()).isEqualTo(200);
        var late = operator.postJson("/api/v1/anomalies/" + judged + "/acknowledgement", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.contentType()).isEqualTo("application/problem+json");
        // A viewer reads but does not act.
        assertThat(api.as(io.energywatch.service.security.Role.VIEWER)
                .postJson("/api/v1/anomalies/" + open + "/acknowledgement", "").status()).isEqualTo(403);
    }

    private long indexedCount(String seriesId) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(ALIAS));
        return elasticsearch.count(c -> c.index(ALIAS).query(q -> q.term(t -> t.field("seriesId").value(seriesId))))
                .count();
    }

    @SuppressWarnings("rawtypes")
    private String indexedStatus(String anomalyId) throws IOException {
        elasticsearch.indices().refresh(r -> r.index(ALIAS));
        var hits = elasticsearch.search(s -> s.index(ALIAS).query(q -> q.ids(i -> i.values(anomalyId))), Map.class)
                .hits().hits();
        return hits.isEmpty() ? null : String.valueOf(hits.getFirst().source().get("status"));
    }
}

package io.energywatch.anomaly.alerts;

import io.energywatch.anomaly.Api;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.MongoWireTestServer;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Elasticsearch down (nothing listens on its port) the service starts and says so in its health; what MongoDB
 * serves still answers, and a verdict, which is stored in MongoDB and then copied to the search index, answers the
 * shared 503 problem naming Elasticsearch within seconds while the verdict itself is kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElasticsearchDownTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    /** Nothing listens on this port: Elasticsearch is down. */
    private static final int CLOSED_PORT = FreePorts.find();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("spring.mongodb.uri", () -> MongoWireTestServer.shared().uri("anomaly-no-es-" + RUN));
        registry.add("energywatch.anomaly.detection.group-id", () -> "anomaly-no-es-" + RUN);
        registry.add("energywatch.anomaly.models.drift-group-id", () -> "anomaly-drift-no-es-" + RUN);
        registry.add("energywatch.anomaly.indices.anomalies", () -> "ew-no-es-anomalies-" + RUN);
        registry.add("energywatch.anomaly.models.registry-dir", () -> System.getProperty("java.io.tmpdir")
                + "/anomaly-models-no-es-" + RUN);
    }

    @Autowired
    Environment environment;
    @Autowired
    AnomalyStore store;

    @Test
    void healthSaysElasticsearchIsDownAndAVerdictIsKeptButAnswers503NamingElasticsearch() {
        var api = new Api(environment.getRequiredProperty("local.server.port", Integer.class));

        long started = System.nanoTime();
        var health = api.get("/actuator/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.json().at("/components/elasticsearch/status").asString()).isEqualTo("DOWN");
        assertThat(health.json().at("/components/elasticsearch/details/error").asString())
                .startsWith("Elasticsearch unavailable");
        assertThat(health.json().at("/components/mongo/status").asString()).isEqualTo("UP");
        assertThat(healthTook).as("time to health DOWN").isLessThan(Duration.ofSeconds(5));

        String seriesId = SyntheticSeries.series("ext-no-es" + RUN).toString();
        Instant start = SyntheticSeries.hour(12);
        String id = AnomalyDocument.idOf(seriesId, start);
        store.insertIfAbsent(List.of(new AnomalyDocument(id, seriesId, "11", "11", start, start.plusSeconds(3600),
                180.0, 100.0, 90.0, 110.0, 0.9, Severity.HIGH, AnomalyType.SPIKE, List.of(), "check the meter", 12.0,
                "anomaly-streaming", "consumption", start.plusSeconds(3600), AnomalyStatus.OPEN,
                start.plusSeconds(3600), null)));
        // The list and statistics come from MongoDB: they do not need Elasticsearch.
        assertThat(api.get("/api/v1/anomalies?series=" + seriesId).json().path("totalElements").asLong())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/anomalies/stats").status()).isEqualTo(200);

        started = System.nanoTime();
        var verdict = api.postJson("/api/v1/anomalies/" + id + "/feedback",
                "{\"verdict\":\"CONFIRMED\"}");
        Duration verdictTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(verdict.status()).isEqualTo(503);
        assertThat(verdict.contentType()).startsWith("application/problem+json");
        assertThat(verdict.json().path("type").asString()).endsWith("/store-unavailable");
        assertThat(verdict.json().path("store").asString()).isEqualTo("elasticsearch");
        assertThat(verdict.json().path("title").asString()).isEqualTo("Elasticsearch unavailable");
        assertThat(verdict.json().path("detail").asString()).contains("the verdict is stored");
        assertThat(verdictTook).as("time to 503").isLessThan(Duration.ofSeconds(5));
        assertThat(api.get("/api/v1/anomalies/" + id).json().path("status").asString())
                .as("the verdict kept in MongoDB").isEqualTo("CONFIRMED");
        System.out.printf("Elasticsearch down: health DOWN in %d ms, feedback answered 503 in %d ms%n",
                healthTook.toMillis(), verdictTook.toMillis());
    }
}

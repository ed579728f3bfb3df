package io.energywatch.fusion;

import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With Elasticsearch down (nothing listens on its port) the service still starts, its health says Elasticsearch is DOWN,
 * and every search endpoint answers the shared 503 problem naming Elasticsearch within the client's connect timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartsWithoutElasticsearchTest {

    /** Nothing listens on this port: Elasticsearch is down. */
    private static final int CLOSED_PORT = FreePorts.find();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + CLOSED_PORT);
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("energywatch.fusion.streams.application-id", () -> "fusion-no-es-" + run);
        registry.add("energywatch.fusion.indexing.group-id", () -> "fusion-no-es-indexer-" + run);
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/fusion-no-es-"
                + run);
    }

    @Autowired
    Environment environment;

    @Test
    void theServiceStartsReportsElasticsearchDownAndItsSearchesAnswer503NamingElasticsearch() {
        var api = new FusionApi(environment.getRequiredProperty("local.server.port", Integer.class));

        long started = System.nanoTime();
        var health = api.get("/actuator/health");
        Duration healthTook = Duration.ofNanos(System.nanoTime() - started);
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().at("/components/elasticsearch/status").asString()).isEqualTo("DOWN");
        assertThat(health.body().at("/components/elasticsearch/details/error").asString())
                .startsWith("Elasticsearch unavailable");
        assertThat(healthTook).as("time to health DOWN").isLessThan(Duration.ofSeconds(5));

        for (String search : List.of("/api/v1/enriched?series=electricity:FR:odre:PT30M",
                "/api/v1/enriched/aggregates?region=FR&from=2024-01-01&to=2024-01-31", "/api/v1/enriched/stats")) {
            started = System.nanoTime();
            var answer = api.get(search);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(answer.status()).as(search).isEqualTo(503);
            assertThat(answer.contentType()).as(search).startsWith("application/problem+json");
            assertThat(answer.body().path("type").asString()).as(search).endsWith("/store-unavailable");
            assertThat(answer.body().path("store").asString()).as(search).isEqualTo("elasticsearch");
            assertThat(answer.body().path("title").asString()).as(search).isEqualTo("Elasticsearch unavailable");
            assertThat(answer.body().path("detail").asString()).as(search).contains("./energywatch stack status");
            assertThat(took).as("time to 503 of " + search).isLessThan(Duration.ofSeconds(5));
            System.out.printf("Elasticsearch down: %s answered 503 in %d ms%n", search, took.toMillis());
        }
        System.out.printf("Elasticsearch down: health DOWN in %d ms%n", healthTook.toMillis());
    }
}

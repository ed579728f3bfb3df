package io.energywatch.fusion;

import io.energywatch.testsupport.FreePorts;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With Elasticsearch down the service still starts, says so in its health, and answers 503 problems. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartsWithoutElasticsearchTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        // Nothing listens on this port: Elasticsearch is down.
        registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + FreePorts.find());
        String run = UUID.randomUUID().toString().substring(0, 8);
        registry.add("energywatch.fusion.streams.application-id", () -> "fusion-no-es-" + run);
        registry.add("energywatch.fusion.indexing.group-id", () -> "fusion-no-es-indexer-" + run);
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir") + "/fusion-no-es-"
                + run);
    }

    @Autowired
    Environment environment;

    @Test
    void theServiceStartsAndReportsElasticsearchDownAndSearchUnavailable() {
        var api = new FusionApi(environment.getRequiredProperty("local.server.port", Integer.class));

        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(health.body().path("components").path("elasticsearch").path("status").asString()).isEqualTo("DOWN");

        var stats = api.get("/api/v1/enriched/stats");
        assertThat(stats.status()).isEqualTo(503);
        assertThat(stats.contentType()).startsWith("application/problem+json");
        assertThat(stats.body().path("type").asString()).endsWith("/search-unavailable");
    }
}

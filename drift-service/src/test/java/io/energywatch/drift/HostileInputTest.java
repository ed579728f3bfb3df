package io.energywatch.drift;

import io.energywatch.testsupport.HostileCorpus;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The drift service's hostile-input corpus ({@code hostile/drift-service.json}): model ids that are paths or operators,
 * broken samples of every kind, wrong report filters and oversized bodies, on the real Kafka broker, Elasticsearch and
 * the Mongo wire server. Each refusal is a problem naming the field or line and stores no report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.mongo(registry);
        RealServers.elasticsearch(registry);
        registry.add("energywatch.drift.registry.root",
                () -> Path.of(System.getProperty("java.io.tmpdir"), "drift-hostile-" + RUN).toString());
        registry.add("energywatch.drift.window.group-id", () -> "drift-hostile-" + RUN);
        registry.add("energywatch.drift.store.collection", () -> "drift_hostile_" + RUN);
        // Its own alias: the default one's template (energywatch-drift-*) would also match other tests' indices.
        registry.add("energywatch.drift.indices.drift", () -> "ew-it-drift-hostile-" + RUN);
    }

    @Autowired
    Environment environment;

    DriftApi api;

    @BeforeEach
    void client() {
        api = new DriftApi(environment.getRequiredProperty("local.server.port", Integer.class));
    }

    static List<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/drift-service.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        var corpus = new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty(
                "local.server.port")), () -> Map.of("reports",
                api.get("/api/v1/drift/reports?size=1").body().path("totalElements").asLong()));
        corpus.check(c);
    }
}

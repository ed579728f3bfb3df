package io.energywatch.fusion;

import io.energywatch.testsupport.HostileCorpus;
import io.energywatch.testsupport.RealServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The fusion service's hostile-input corpus ({@code hostile/fusion-service.json}): the search, view, aggregates and
 * series APIs with overflowing pages, impossible dates, operators and unknown parameters, on the real Elasticsearch.
 * The fusion stores nothing a request can write, so only the answers and the health are checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileInputTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        RealServers.elasticsearch(registry);
        registry.add("energywatch.fusion.streams.application-id", () -> "fusion-hostile-" + RUN);
        registry.add("energywatch.fusion.indexing.group-id", () -> "fusion-hostile-indexer-" + RUN);
        registry.add("energywatch.fusion.streams.state-dir", () -> System.getProperty("java.io.tmpdir")
                + "/fusion-hostile-" + RUN);
    }

    @Autowired
    Environment environment;

    static List<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/fusion-service.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")),
                Map::of).check(c);
    }
}

package io.energywatch.anomaly.hostile;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.testsupport.HostileCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The anomaly service's hostile-input corpus ({@code hostile/anomaly-service.json}): /detect with every kind of broken
 * series, the anomaly and alert-rule APIs with wrong types, operators, paths and oversized bodies. Each refusal is a
 * problem naming the row or field and leaves the anomalies and alert rules as they were.
 */
class HostileInputTest extends AnomalyServiceTest {

    static List<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/anomaly-service.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        var corpus = new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty(
                "local.server.port")), () -> Map.of(
                "anomalies", api.get("/api/v1/anomalies?size=1").json().path("totalElements").asLong(),
                "alertRules", api.get("/api/v1/alert-rules?size=1").json().path("totalElements").asLong()));
        corpus.check(c);
    }
}

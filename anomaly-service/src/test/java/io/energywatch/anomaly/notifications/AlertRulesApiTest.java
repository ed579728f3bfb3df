package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.AnomalyServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules through the API: created with defaults, read, listed, replaced, deleted; invalid ones refused field by field. */
class AlertRulesApiTest extends AnomalyServiceTest {

    private static final String RULES = "/api/v1/alert-rules";

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    @Test
    void aRuleIsCreatedReadReplacedAndDeleted() {
        var created = api.postJson(RULES, """
                {"name": "api rule %s", "minSeverity": "HIGH", "regions": ["93"],
                 "quietHours": {"start": "22:00", "end": "07:00"},
                 "emails": ["ops@energywatch.test"]}""".formatted(RUN));
        assertThat(created.status()).isEqualTo(201);
        JsonNode rule = created.json();
        String id = rule.path("id").asString();
        assertThat(created.location()).isEqualTo(RULES + "/" + id);
        assertThat(rule.path("enabled").asBoolean()).isTrue();
        assertThat(rule.path("kind").asString()).isEqualTo("ANOMALY");
        assertThat(rule.path("throttle").asString()).isEqualTo("PT30M");
        assertThat(rule.path("quietHours").path("start").asString()).isEqualTo("22:00:00");

        assertThat(api.get(RULES + "/" + id).json()).isEqualTo(rule);
        assertThat(api.get(RULES + "?size=1000").json().path("content").valueStream()
                .map(r -> r.path("id").asString())).contains(id);

        var replaced = api.putJson(RULES + "/" + id, """
                {"name": "api rule %s", "enabled": false, "minSeverity": "CRITICAL", "throttle": "PT5M",
                 "webhooks": [{"url": "http://127.0.0.1:9/hook", "secretRef": "it"}]}""".formatted(RUN));
        assertThat(replaced.status()).isEqualTo(200);
        JsonNode now = api.get(RULES + "/" + id).json();
        assertThat(now.path("enabled").asBoolean()).isFalse();
        assertThat(now.path("minSeverity").asString()).isEqualTo("CRITICAL");
        assertThat(now.path("throttle").asString()).isEqualTo("PT5M");
        assertThat(now.path("quietHours").isNull() || now.path("quietHours").isMissingNode()).isTrue();
        assertThat(now.path("createdAt")).isEqualTo(rule.path("createdAt"));

        assertThat(api.delete(RULES + "/" + id).status()).isEqualTo(204);
        var gone = api.get(RULES + "/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.contentType()).startsWith("application/problem+json");
        assertThat(api.delete(RULES + "/" + id).status()).isEqualTo(404);
        assertThat(api.putJson(RULES + "/" + id, "{\"name\": \"x\", \"emails\": [\"a@b.org\"]}").status())
                .isEqualTo(404);
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        var invalid = api.postJson(RULES, """
                {"name": " ", "emails": ["not-an-address"],
                 "webhooks": [{"url": "ftp://example.org/hook", "secretRef": "it"}]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).startsWith("application/problem+json");
        assertThat(fields(invalid.json())).contains("name", "emails[0]", "webhooks[0].url");

        var crossField = api.postJson(RULES, """
                {"name": "x", "regions": ["99", "11"], "throttle": "-PT1M", "quietHours": {"start": "08:00", "end": "08:00"},
                 "webhooks": [{"url": "http://127.0.0.1:9/hook", "secretRef": "no-such-secret"}]}""");
        assertThat(crossField.status()).isEqualTo(400);
        assertThat(fields(crossField.json()))
                .containsExactlyInAnyOrder("regions", "throttle", "quietHours", "webhooks[0].secretRef");
        assertThat(crossField.json().path("errors").get(0).path("value").asString()).isEqualTo("99");

        var noChannel = api.postJson(RULES, "{\"name\": \"x\"}");
        assertThat(fields(noChannel.json())).containsExactly("webhooks");

        var mildDrift = api.postJson(RULES, """
                {"name": "x", "kind": "DRIFT", "minDriftStatus": "SLIGHT", "minSeverity": "HIGH",
                 "emails": ["a@b.org"]}""");
        assertThat(fields(mildDrift.json())).containsExactlyInAnyOrder("minDriftStatus", "minSeverity");
    }

    @Test
    void theSmtpServerIsNotPartOfTheServiceHealth() {
        var health = api.get("/actuator/health").json();
        assertThat(health.at("/components/mongo/status").asString()).as("the health lists its components")
                .isEqualTo("UP");
        assertThat(health.path("components").has("mail")).isFalse();
    }
}

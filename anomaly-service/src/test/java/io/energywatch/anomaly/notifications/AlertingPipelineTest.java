package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.DriftDetected;
import io.energywatch.contracts.DriftStatus;
import io.energywatch.contracts.Severity;
import io.energywatch.contracts.Topics;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.PrometheusScrape;
import io.energywatch.testsupport.TestTokens;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An anomaly and a drift report on the real embedded Kafka reach a signed webhook (JDK HTTP server) and GreenMail
 * through the rules, the outbox and the dispatcher; the records end SENT, and reading the same events again sends
 * nothing twice.
 */
class AlertingPipelineTest extends AnomalyServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private String createRule(String json) {
        var response = api.postJson("/api/v1/alert-rules", json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static long callsAbout(WebhookReceiver receiver, String sourceId) {
        return receiver.calls().stream().filter(c -> c.body().contains("\"sourceId\":\"" + sourceId + "\"")).count();
    }

    private void publish(AnomalyDetected anomaly) {
        kafka.produce(Topics.ANOMALIES.name(), List.of(anomaly), AnomalyDetected::seriesId);
    }

    private void publish(DriftDetected drift) {
        kafka.produce(Topics.DRIFT.name(), List.of(drift), DriftDetected::modelId);
    }

    @Test
    void anAnomalyAndADriftReportReachTheWebhookAndTheMailboxOnce() throws IOException, MessagingException {
        String opsMail = "ops-" + RUN + "@energywatch.test";
        String modelMail = "models-" + RUN + "@energywatch.test";
        try (var receiver = new WebhookReceiver(TestSmtpServer.WEBHOOK_SECRET, 0)) {
            String anomalyRule = createRule("""
                    {"name": "corse high %s", "minSeverity": "HIGH", "regions": ["94"], "throttle": "PT0S",
                     "webhooks": [{"url": "%s", "secretRef": "%s"}], "emails": ["%s"]}"""
                    .formatted(RUN, receiver.url(), TestSmtpServer.WEBHOOK_SECRET_REF, opsMail));
            String driftRule = createRule("""
                    {"name": "drift %s", "kind": "DRIFT", "throttle": "PT0S",
                     "webhooks": [{"url": "%s", "secretRef": "%s"}], "emails": ["%s"]}"""
                    .formatted(RUN, receiver.url(), TestSmtpServer.WEBHOOK_SECRET_REF, modelMail));
            try {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                String series = "electricity:94:ext-alerts" + RUN + ":PT30M";
                var anomaly = Fixtures.anomaly(series, "94", Instant.parse("2026-03-01T10:00:00Z"), Severity.HIGH,
                        AnomalyType.SPIKE, now);
                var mild = Fixtures.anomaly(series, "94", Instant.parse("2026-03-01T10:30:00Z"), Severity.MEDIUM,
                        AnomalyType.SPIKE, now);
                var drift = Fixtures.drift("report-" + RUN, DriftStatus.MODERATE, now);
                var slight = Fixtures.drift("slight-" + RUN, DriftStatus.SLIGHT, now);
                publish(anomaly);
                publish(mild);
                publish(drift);
                publish(slight);

                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(callsAbout(receiver, anomaly.anomalyId())).isEqualTo(1);
                    assertThat(callsAbout(receiver, drift.reportId())).isEqualTo(1);
                    assertThat(TestSmtpServer.mailTo(opsMail)).hasSize(1);
                    assertThat(TestSmtpServer.mailTo(modelMail)).hasSize(1);
                });
                assertThat(receiver.calls()).allMatch(WebhookReceiver.Call::signatureValid);
                JsonNode body = JsonMapper.builder().build()
                        .readTree(receiver.calls().getFirst().body());
                assertThat(body.path("ruleId").asString()).isIn(anomalyRule, driftRule);
                assertThat(TestSmtpServer.mailTo(opsMail).getFirst().getSubject())
                        .isEqualTo("[EnergyWatch] HIGH SPIKE on " + series + " at 2026-03-01T10:00:00Z");
                assertThat((String) TestSmtpServer.mailTo(modelMail).getFirst().getContent()).contains("MODERATE drift of model");

                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    for (String rule : List.of(anomalyRule, driftRule)) {
                        JsonNode page = api.get("/api/v1/notifications?ruleId=" + rule).json();
                        assertThat(page.path("totalElements").asLong()).isEqualTo(2);
                        assertThat(page.path("content").valueStream().map(n -> n.path("status").asString()))
                                .containsOnly("SENT");
                    }
                });
                JsonNode stats = api.get("/api/v1/notifications/stats").json();
                assertThat(stats.path("byChannel").path("WEBHOOK").path("SENT").asLong()).isGreaterThanOrEqualTo(2);
                assertThat(stats.path("byChannel").path("EMAIL").path("SENT").asLong()).isGreaterThanOrEqualTo(2);

                // The same records again, then a sentinel behind them on the same partition: once the sentinel is
                // delivered, the redelivered ones have been read, and they sent nothing.
                publish(anomaly);
                publish(drift);
                var sentinel = Fixtures.anomaly(series, "94", Instant.parse("2026-03-01T11:00:00Z"),
                        Severity.CRITICAL, AnomalyType.SPIKE, now);
                var driftSentinel = Fixtures.drift("sentinel-" + RUN, DriftStatus.SIGNIFICANT, now);
                publish(sentinel);
                publish(driftSentinel);
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    assertThat(callsAbout(receiver, sentinel.anomalyId())).isEqualTo(1);
                    assertThat(callsAbout(receiver, driftSentinel.reportId())).isEqualTo(1);
                });
                assertThat(callsAbout(receiver, anomaly.anomalyId())).isEqualTo(1);
                assertThat(callsAbout(receiver, drift.reportId())).isEqualTo(1);
                assertThat(callsAbout(receiver, mild.anomalyId())).isZero();
                assertThat(callsAbout(receiver, slight.reportId())).isZero();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(TestSmtpServer.mailTo(opsMail)).hasSize(2));
                assertThat(TestSmtpServer.mailTo(modelMail)).hasSize(2);
                assertThat(api.get("/api/v1/notifications?ruleId=" + anomalyRule).json().path("totalElements")
                        .asLong()).isEqualTo(4);

                // Four webhooks and four e-mails sent by this test (others of this context may have sent more).
                var scrape = PrometheusScrape.of(port(), TestTokens.token("prometheus", Role.VIEWER));
                assertThat(scrape.sum("energywatch_notifications_total", "channel", "webhook", "outcome", "sent"))
                        .isGreaterThanOrEqualTo(4);
                assertThat(scrape.sum("energywatch_notifications_total", "channel", "email", "outcome", "sent"))
                        .isGreaterThanOrEqualTo(4);
            } finally {
                api.delete("/api/v1/alert-rules/" + anomalyRule);
                api.delete("/api/v1/alert-rules/" + driftRule);
            }
        }
    }
}

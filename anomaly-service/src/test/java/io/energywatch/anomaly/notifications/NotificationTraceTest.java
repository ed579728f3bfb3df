package io.energywatch.anomaly.notifications;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.ConsumptionEnriched;
import jakarta.mail.MessagingException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The last hop of one reading's trace: an enriched record with a W3C trace context is scored on the real broker, its
 * anomaly matches a rule, and the webhook carries the same trace id in its {@code traceparent} header and the e-mail
 * names it, although the outbox sends them later from another thread.
 */
class NotificationTraceTest extends AnomalyServiceTest {

    private static final int SPIKE = 120;

    @Test
    void theNotificationOfAnAnomalyCarriesTheTraceOfTheReadingItCameFrom()
            throws IOException, MessagingException {
        var series = SyntheticSeries.series("ext-trace" + RUN);
        String mail = "trace-" + RUN + "@energywatch.test";
        try (var receiver = new WebhookReceiver(TestSmtpServer.WEBHOOK_SECRET, 0)) {
            var rule = api.postJson("/api/v1/alert-rules", """
                    {"name": "trace %s", "minSeverity": "LOW", "regions": ["53"], "throttle": "PT0S",
                     "webhooks": [{"url": "%s", "secretRef": "%s"}], "emails": ["%s"]}"""
                    .formatted(RUN, receiver.url(), TestSmtpServer.WEBHOOK_SECRET_REF, mail));
            assertThat(rule.status()).as(rule.body()).isEqualTo(201);

            List<ConsumptionEnriched> events = SyntheticSeries.enriched(series, "53",
                    SyntheticSeries.values(168, Set.of(SPIKE)));
            Map<String, String> traceOf = kafka.produceTraced(events);
            String spikeStart = events.get(SPIKE).measurement().intervalStart().toString();

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(receiver.calls()).anySatisfy(call -> {
                        assertThat(call.body()).contains(spikeStart);
                        assertThat(call.traceparent()).isNotNull();
                        // 00-<trace id>-<span id>-<flags>: the reading's trace id.
                        assertThat(call.traceparent().split("-")[1]).isEqualTo(traceOf.get(spikeStart));
                    }));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(TestSmtpServer.mailTo(mail)).isNotEmpty());
            assertThat((String) TestSmtpServer.mailTo(mail).getFirst().getContent())
                    .contains("trace: 00-" + traceOf.get(spikeStart));
        }
    }
}

package io.energywatch.anomaly.observability;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.AnomalyDetected;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.Topics;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.PrometheusScrape;
import io.energywatch.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One hop of the trace (enriched topic -> detection -> anomalies topic) on the real broker, and the detection's domain
 * meters on {@code /actuator/prometheus} after that real run.
 */
class DetectionObservabilityTest extends AnomalyServiceTest {

    private static final Set<Integer> SPIKES = Set.of(90, 130);

    @Test
    void eachAnomalyContinuesTheTraceOfItsEnrichedRecordAndTheMetersCountTheRun() throws Exception {
        var series = SyntheticSeries.series("ext-obs" + RUN);
        List<ConsumptionEnriched> events = SyntheticSeries.enriched(series, "11", SyntheticSeries.values(168, SPIKES));
        Map<String, String> traceOfHour = kafka.produceTraced(events);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(anomaliesOf(series.toString())).hasSize(SPIKES.size()));
        for (var record : anomaliesOf(series.toString())) {
            var traceparent = record.headers().lastHeader("traceparent");
            assertThat(traceparent).as("anomaly of %s", record.value().intervalStart()).isNotNull();
            String expectedTrace = traceOfHour.get(record.value().intervalStart().toString());
            // 00-<trace id>-<span id>-<flags>: same trace, a new span (the detection's).
            String[] parts = new String(traceparent.value(), StandardCharsets.UTF_8).split("-");
            assertThat(parts[1]).isEqualTo(expectedTrace);
        }

        var scrape = PrometheusScrape.of(port(), TestTokens.token("prometheus", Role.VIEWER));
        assertThat(scrape.status()).isEqualTo(200);
        String enriched = Topics.CONSUMPTION_ENRICHED.name();
        assertThat(scrape.sum("energywatch_records_total", "topic", enriched, "direction", "in"))
                .isGreaterThanOrEqualTo(events.size());
        assertThat(scrape.sum("energywatch_records_total", "topic", Topics.ANOMALIES.name(), "direction", "out"))
                .isGreaterThanOrEqualTo(SPIKES.size());
        assertThat(scrape.sum("energywatch_event_age_seconds_count", "hop", "detection"))
                .isGreaterThanOrEqualTo(events.size());
        assertThat(scrape.sum("energywatch_event_age_seconds", "hop", "detection", "quantile", "0.95")).isPositive();
        assertThat(scrape.sum("energywatch_detection_latency_seconds_count")).isPositive();
        assertThat(scrape.sum("energywatch_anomalies_total")).isGreaterThanOrEqualTo(SPIKES.size());
        assertThat(scrape.matching("energywatch_anomalies_total").getFirst().labels())
                .containsKeys("severity", "type").doesNotContainKey("series");
        assertThat(scrape.sum("energywatch_anomaly_score_count")).isPositive();
        assertThat(scrape.sum("energywatch_anomaly_score_sum")).isPositive();
        // The consumer's client metrics (lag) and the record listeners' observations are on.
        assertThat(scrape.matching("kafka_consumer_fetch_manager_records_lag_max")).isNotEmpty();
        assertThat(scrape.body()).contains("spring_kafka_listener_seconds_count");
        // Every sample of the platform's meters is labelled with the application.
        assertThat(scrape.matching("energywatch_records_total").getFirst().labels())
                .containsEntry("application", "anomaly-service");

        assertThat(PrometheusScrape.of(port(), null).status()).isEqualTo(401);
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, AnomalyDetected>> anomaliesOf(String series) {
        return kafka.read(Topics.ANOMALIES.name(), AnomalyDetected.class).stream()
                .filter(r -> series.equals(r.key())).toList();
    }
}

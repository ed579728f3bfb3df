package io.energywatch.local;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The metrics step's reading of a Prometheus page as anomaly-service writes it. */
class MetricsStepTest {

    private static final String PAGE = """
            # HELP energywatch_records_total records consumed or produced per topic
            # TYPE energywatch_records_total counter
            energywatch_records_total{application="anomaly-service",direction="in",topic="energywatch.consumption.enriched.v1"} 1488.0
            energywatch_records_total{application="anomaly-service",direction="out",topic="energywatch.anomalies.v1"} 12.0
            # TYPE energywatch_event_age_seconds summary
            energywatch_event_age_seconds{application="anomaly-service",hop="detection",quantile="0.5"} 0.25
            energywatch_event_age_seconds{application="anomaly-service",hop="detection",quantile="0.95"} 1.536
            energywatch_event_age_seconds_count{application="anomaly-service",hop="detection"} 1488
            energywatch_anomalies_total{application="anomaly-service",severity="HIGH",type="SPIKE"} 3.0
            energywatch_anomalies_total{application="anomaly-service",severity="HIGH",type="DIP"} 2.0
            energywatch_anomalies_total{application="anomaly-service",severity="LOW",type="SPIKE"} 7.0
            http_server_requests_seconds_bucket{le="+Inf",uri="/x"} 4
            """;

    @Test
    void aServicesRowSumsTheRecordsPerTopicTheAgeP95PerHopAndTheAnomaliesPerSeverity() {
        var samples = MetricsStep.parse(PAGE);
        assertThat(samples).hasSize(9);
        assertThat(samples.getFirst().labels()).containsEntry("topic", "energywatch.consumption.enriched.v1");
        assertThat(MetricsStep.row("anomaly-service", samples)).isEqualTo(List.of("anomaly-service",
                "consumption.enriched 1,488", "anomalies 12", "detection 1.54", "HIGH 5, LOW 7"));
    }

    @Test
    void aServiceWithoutDomainMetersShowsDashes() {
        assertThat(MetricsStep.row("gateway", MetricsStep.parse("jvm_threads_live_threads 42.0\n")))
                .isEqualTo(List.of("gateway", "-", "-", "-", "-"));
    }
}

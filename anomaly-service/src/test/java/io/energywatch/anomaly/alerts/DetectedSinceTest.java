package io.energywatch.anomaly.alerts;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code detectedSince} filters on when an anomaly was detected, not on the interval it is about. */
class DetectedSinceTest extends AnomalyServiceTest {

    @Autowired
    AnomalyStore store;

    private static AnomalyDocument anomaly(String series, Instant intervalStart, Instant detectedAt) {
        return new AnomalyDocument(AnomalyDocument.idOf(series, intervalStart), series, "11", "11", intervalStart,
                intervalStart.plusSeconds(1800), 900.0, 700.0, 650.0, 750.0, 0.9, Severity.HIGH, AnomalyType.SPIKE,
                List.of(), "check", 100.0, "streaming", "1", detectedAt, AnomalyStatus.OPEN, detectedAt, null);
    }

    @Test
    void theLastTenMinutesMeansDetectedInThem() {
        String series = "electricity:11:ext-since" + RUN + ":PT30M";
        Instant now = Instant.now();
        // An old interval detected just now, and a recent interval detected an hour ago.
        store.insertIfAbsent(List.of(
                anomaly(series, Instant.parse("2015-01-01T00:00:00Z"), now.minus(Duration.ofMinutes(1))),
                anomaly(series, now.minus(Duration.ofMinutes(30)), now.minus(Duration.ofHours(1)))));

        var recent = api.get("/api/v1/anomalies?series=" + series + "&detectedSince=PT10M").json();
        assertThat(recent.path("totalElements").asLong()).isEqualTo(1);
        assertThat(recent.path("content").get(0).path("intervalStart").asString()).isEqualTo("2015-01-01T00:00:00Z");
        assertThat(api.get("/api/v1/anomalies?series=" + series + "&detectedSince=PT2H").json()
                .path("totalElements").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/anomalies?series=" + series).json().path("totalElements").asLong()).isEqualTo(2);
    }

    @Test
    void anUnreadableDurationIsAProblemNamingTheParameter() {
        for (String value : List.of("10min", "-PT10M")) {
            var response = api.get("/api/v1/anomalies?detectedSince=" + value);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("detectedSince");
        }
    }
}

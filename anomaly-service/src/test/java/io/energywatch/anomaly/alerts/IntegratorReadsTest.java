package io.energywatch.anomaly.alerts;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.contracts.AnomalyType;
import io.energywatch.contracts.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What integrators read from the anomaly service: every list as CSV, the latest-N and hours= shortcuts on the anomaly
 * list, and the stats in a window that the answer echoes. The anomalies are of 2011, a year no other test writes.
 */
class IntegratorReadsTest extends AnomalyServiceTest {

    private static final Instant FIRST = Instant.parse("2011-05-02T00:00:00Z");

    @Autowired
    AnomalyStore store;

    private static AnomalyDocument anomaly(String series, Instant intervalStart, Severity severity) {
        return new AnomalyDocument(AnomalyDocument.idOf(series, intervalStart), series, "11", "11", intervalStart,
                intervalStart.plusSeconds(3600), 900.0, 700.0, 650.0, 750.0, 0.9, severity, AnomalyType.SPIKE,
                List.of(), "check, then \"confirm\"", 100.0, "streaming", "1", intervalStart,
                AnomalyStatus.OPEN, intervalStart, null);
    }

    /** Six hourly anomalies of one series, the first HIGH and the others LOW. */
    private String sixAnomalies() {
        String series = "electricity:11:ext-int" + RUN + ":PT1H";
        List<AnomalyDocument> documents = new ArrayList<>();
        for (int h = 0; h < 6; h++) {
            documents.add(anomaly(series, FIRST.plus(Duration.ofHours(h)), h == 0 ? Severity.HIGH : Severity.LOW));
        }
        if (store.find(documents.getFirst().anomalyId()).isEmpty()) {
            store.insertIfAbsent(documents);
        }
        return series;
    }

    @Test
    void theAnomalyListIsCsvWithItsPagingInHeaders() {
        String series = sixAnomalies();
        String path = "/api/v1/anomalies?series=" + series + "&size=4";

        var csv = api.get(path, "text/csv");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.getFirst()).startsWith("anomalyId,seriesId,");
        // Newest first, as in JSON; a text with a comma quoted, its quotes doubled.
        assertThat(lines.get(1)).contains(series + ",11,11,2011-05-02T05:00:00Z,2011-05-02T06:00:00Z,900,700,")
                .contains(",\"check, then \"\"confirm\"\"\",100,streaming,1,");
        var headers = api.headers(path, "text/csv");
        assertThat(headers.firstValue("X-Total-Count")).contains("6");
        assertThat(headers.firstValue("Link").orElseThrow())
                .contains("</api/v1/anomalies?series=" + series + "&page=1&size=4>; rel=\"next\"");
        assertThat(api.get(path).contentType()).startsWith("application/json");
        assertThat(api.get("/api/v1/anomalies/stats", "text/csv").status()).isEqualTo(406);
    }

    @Test
    void latestAndHoursAreShortcutsForFromAndTo() {
        String series = sixAnomalies();

        JsonNode latest = api.get("/api/v1/anomalies?series=" + series + "&latest=2").json();
        assertThat(latest.path("totalElements").asLong()).isEqualTo(2);
        assertThat(latest.path("content").valueStream().map(a -> a.path("intervalStart").asString()).toList())
                .containsExactly("2011-05-02T05:00:00Z", "2011-05-02T04:00:00Z");
        // The 3 hours ending where the latest anomaly ends (06:00): those starting at 03:00, 04:00 and 05:00.
        JsonNode hours = api.get("/api/v1/anomalies?series=" + series + "&hours=3").json();
        assertThat(hours.path("totalElements").asLong()).isEqualTo(3);
        assertThat(hours.path("content").get(2).path("intervalStart").asString()).isEqualTo("2011-05-02T03:00:00Z");

        var mixed = api.get("/api/v1/anomalies?series=" + series + "&hours=3&to=2011-05-03");
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.contentType()).startsWith("application/problem+json");
        assertThat(mixed.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
                .containsExactly("to", "hours");
    }

    @Test
    void statsCoverTheWindowTheyEcho() {
        sixAnomalies();

        JsonNode day = api.get("/api/v1/anomalies/stats?from=2011-05-02&to=2011-05-02").json();
        assertThat(day.path("window").path("from").asString()).isEqualTo("2011-05-01T22:00:00Z");
        assertThat(day.path("window").path("to").asString()).isEqualTo("2011-05-02T22:00:00Z");
        assertThat(day.path("total").asLong()).isEqualTo(6);
        assertThat(day.path("bySeverity").path("HIGH").asLong()).isEqualTo(1);
        assertThat(day.path("bySeverity").path("LOW").asLong()).isEqualTo(5);
        JsonNode later = api.get("/api/v1/anomalies/stats?from=2011-05-02T02:00:00Z&to=2011-05-02T04:00:00Z").json();
        assertThat(later.path("total").asLong()).isEqualTo(2);
        assertThat(api.get("/api/v1/anomalies/stats").json().path("total").asLong()).isGreaterThanOrEqualTo(6);
        assertThat(api.get("/api/v1/anomalies/stats?hours=0").status()).isEqualTo(400);

        JsonNode notifications = api.get("/api/v1/notifications/stats?from=2011-05-02&to=2011-05-02").json();
        assertThat(notifications.path("window").path("from").asString()).isEqualTo("2011-05-01T22:00:00Z");
        assertThat(notifications.path("total").asLong()).isZero();
        assertThat(api.get("/api/v1/notifications/stats?hours=24").json().path("window").path("hours").asInt())
                .isEqualTo(24);
        assertThat(api.get("/api/v1/notifications/stats?hours=24&from=2011-05-02").status()).isEqualTo(400);
    }

    @Test
    void theOtherListsAreCsvToo() {
        assertThat(api.get("/api/v1/alert-rules", "text/csv").body().lines().findFirst().orElseThrow())
                .startsWith("id,name,");
        assertThat(api.get("/api/v1/notifications", "text/csv").body().lines().findFirst().orElseThrow())
                .startsWith("id,ruleId,ruleName,kind,sourceId,seriesKey,channel,target,");
        var models = api.get("/api/v1/anomalies/models", "text/csv");
        assertThat(models.status()).isEqualTo(200);
        assertThat(models.body().lines().findFirst().orElseThrow())
                .startsWith("modelId,version,group,stage,trigger,trainingFrom,trainingTo,");
    }
}

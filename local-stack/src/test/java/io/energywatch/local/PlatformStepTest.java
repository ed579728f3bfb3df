package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform step against a gateway that answers system and kpi as the real one does. */
class PlatformStepTest {

    private static final String SYSTEM = """
            {"status": "%s", "services": [
               {"name": "gateway", "status": "UP", "version": "0.1.0", "responseMs": 0},
               {"name": "fusion-service", "status": "UP", "version": "0.1.0", "responseMs": 12}],
             "stores": [{"name": "elasticsearch", "status": "UP", "reportedBy": [{"service": "fusion-service",
               "status": "UP"}]}],
             "kafka": {"status": "UP", "topics": [{"name": "energywatch.consumption.raw.v1", "exists": true,
               "partitions": 6, "records": 4018}],
               "consumerGroups": [{"groupId": "fusion", "state": "STABLE", "lag": 0, "topics": []}]}}""";
    private static final String KPI = """
            {"window": {}, "consumption": {"status": "available", "service": "fusion-service", "data": {
               "from": "2024-03-02", "to": "2024-03-31", "interval": "month", "indexedRecords": 4018,
               "byCarrier": [{"carrier": "electricity", "basis": "national", "energyMwh": 1234567.8,
                              "peakMw": 81234.5, "peakPeriod": "2024-03-01"}], "byRegion": []}},
             "anomalies": {"status": "available", "service": "anomaly-service", "data": {"total": 12,
               "bySeverity": {"CRITICAL": 1, "HIGH": 3, "MEDIUM": 4, "LOW": 4}, "byStatus": {}}},
             "forecastAccuracy": {"status": "unavailable", "service": "prediction-service",
               "detail": "prediction-service is not reachable"},
             "drift": {"status": "available", "service": "drift-service", "data": {"status": "SIGNIFICANT",
               "totalReports": 4, "reportsByStatus": {}, "models": []}}}""";

    @TempDir
    Path checkout;

    @Test
    void systemAndKpiArePrintedAndAnUnavailableSectionMakesTheStepIncomplete() throws Exception {
        try (var gateway = new StandInService(checkout, "fusion", exchange -> {
            switch (exchange.getRequestURI().getPath()) {
                case "/api/v1/system" -> StandInService.answer(exchange, SYSTEM.formatted("UP"));
                case "/api/v1/kpi" -> StandInService.answer(exchange, KPI);
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            }
        })) {
            var results = new PlatformStep(new PipelineDrain.Dependencies(List.of("fusion"), List.of()),
                    gateway.context()).run();

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.INCOMPLETE);
                assertThat(r.detail()).contains("kpi forecastAccuracy: prediction-service is not reachable");
            });
            assertThat(gateway.printed()).contains("GET /api/v1/system: UP", "fusion-service", "elasticsearch",
                    "energywatch.consumption.raw.v1", "4018", "electricity", "1234567.8", "81234.5",
                    "{\"CRITICAL\":1,\"HIGH\":3,\"MEDIUM\":4,\"LOW\":4}", "status SIGNIFICANT");
        }
    }
}

package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drift step against a drift-service that answers its summary, report list and monthly report as the real one
 * does: it prints the report that found the simulator's regime shift, its actions and the retraining it triggered.
 */
class DriftReportStepTest {

    private static final String MODEL = "anomaly-forest.electricity.sim.PT30M";

    @TempDir
    Path checkout;

    @Test
    void theReportThatFoundTheShiftIsPrintedWithItsActionsAndRetraining() throws Exception {
        try (var drift = new StandInService(checkout, "drift", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            if (path.equals("/api/v1/drift/summary")) {
                StandInService.answer(exchange, """
                        {"window": {"rows": 5000, "oldest": "2024-01-01T00:00:00Z", "newest": "2024-03-31T21:30:00Z"},
                         "totalReports": 4, "reportsByStatus": {"STABLE": 3, "SIGNIFICANT": 1},
                         "schedule": {"watched": [{"modelId": "%s", "source": "local"}]}}""".formatted(MODEL));
            } else if (path.equals("/api/v1/drift/reports") && query.contains("status=SIGNIFICANT")) {
                StandInService.answer(exchange, """
                        {"content": [{"id": "r-1", "modelId": "%s", "modelVersion": "1", "trigger": "SCHEDULED_LIGHT",
                          "windowFrom": "2024-03-10T23:00:00Z", "windowTo": "2024-03-11T23:00:00Z",
                          "scope": "electricity:*:sim:PT30M", "overallStatus": "SIGNIFICANT", "currentRows": 624,
                          "eventPublished": true,
                          "features": [{"feature": "tempMeanC", "psi": 2.4, "status": "SIGNIFICANT",
                                        "summary": "tempMeanC is 8.1 °C warmer than during training"},
                                       {"feature": "value", "psi": 0.3, "status": "MODERATE", "summary": "lower"}],
                          "recommendedActions": [{"action": "RETRAIN", "target": "%s", "reason": "inputs drifted"}],
                          "retrainings": [{"modelId": "%s", "version": "2", "stage": "TRAINED",
                                           "reason": "drift r-1 (SIGNIFICANT)"}]}],
                         "page": 0, "size": 1000, "totalElements": 1}""".formatted(MODEL, MODEL, MODEL));
            } else if (path.equals("/api/v1/drift/reports")) {
                StandInService.answer(exchange, "{\"content\": [], \"page\": 0, \"size\": 1000, \"totalElements\": 0}");
            } else if (path.equals("/api/v1/drift/reports/monthly") && query.equals("month=2024-03")) {
                StandInService.answer(exchange, """
                        {"month": "2024-03", "runs": 4, "models": [{"modelId": "%s", "runs": 4,
                          "worstStatus": "SIGNIFICANT", "topFeatures": [{"feature": "tempMeanC", "maxPsi": 2.4}],
                          "actions": [{"action": "RETRAIN", "reports": 1}]}]}""".formatted(MODEL));
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        })) {
            var context = drift.context(
                    module -> module.equals("anomaly-service") ? Optional.of("not started") : Optional.empty());

            var results = new DriftReportStep(new PipelineDrain.Dependencies(List.of("fusion", "window"), List.of()),
                    context, Duration.ofMillis(10)).run();

            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).contains("1 models watched", "shift found by 1 model(s)",
                        "1 retraining(s) linked");
            });
            String text = drift.printed();
            assertThat(text).contains("watched models: 1", MODEL + " v1, SCHEDULED_LIGHT run over 2024-03-10T23:00:00Z",
                    "tempMeanC is 8.1 °C warmer", "RETRAIN", "retraining triggered:", "drift r-1 (SIGNIFICANT)",
                    "monthly report 2024-03: 4 runs", "tempMeanC 2.40");
            assertThat(text.indexOf("tempMeanC")).isLessThan(text.indexOf("value "));
        }
    }
}

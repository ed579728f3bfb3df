package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The carbon step against a stand-in for prediction's carbon report: totals, per service, top models, methods. */
class CarbonStepTest {

    @TempDir
    Path checkout;

    @Test
    void theDemosRunsArePrintedWithTheirEnergyEmissionsAndMethod() throws Exception {
        List<String> asked = new ArrayList<>();
        try (var prediction = new StandInService(checkout, "prediction", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            asked.add(exchange.getRequestURI().getPath() + "?" + query);
            StandInService.answer(exchange, query.contains("groupBy=service") ? """
                    {"totals": {"runs": 12, "failedRuns": 1, "rows": 5000, "cpuSeconds": 42.5, "energyKwh": 0.000512,
                                "co2Grams": 0.028692},
                     "methods": {"cpu-time": 12}, "intensitySources": {"country-default": 10, "measured": 2},
                     "groups": [{"key": "anomaly-service", "figures": {"runs": 10, "failedRuns": 1, "rows": 4000,
                                 "cpuSeconds": 30.0, "energyKwh": 0.0004, "co2Grams": 0.0224}, "methods": ["cpu-time"],
                                 "intensitySources": ["country-default"]},
                                {"key": "ingestion-service", "figures": {"runs": 2, "failedRuns": 0, "rows": 1000,
                                 "cpuSeconds": 12.5, "energyKwh": 0.000112, "co2Grams": 0.006292},
                                 "methods": ["cpu-time"], "intensitySources": ["measured"]}]}
                    """ : """
                    {"totals": {"runs": 12}, "methods": {"cpu-time": 12},
                     "groups": [{"key": "anomaly-forest.electricity.sim.PT30M", "figures": {"runs": 1, "failedRuns": 0,
                                 "rows": 17000, "cpuSeconds": 20.0, "energyKwh": 0.0002, "co2Grams": 0.0112},
                                 "methods": ["cpu-time"]}]}
                    """);
        })) {
            var since = Instant.parse("2026-12-06T06:00:00Z");
            var result = new CarbonStep(new PipelineDrain.Dependencies(List.of("fusion", "model-runs"), List.of()),
                    prediction.context(), since).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo(
                        "12 runs, 0.000512 kWh, 0.029 g CO2e (cpu-time 12; intensity country-default 10, measured 2)");
            });
            assertThat(asked).containsExactly(
                    "/api/v1/carbon/report?groupBy=service&from=2026-12-06T06%3A00%3A00Z",
                    "/api/v1/carbon/report?groupBy=model&from=2026-12-06T06%3A00%3A00Z");
            assertThat(prediction.printed()).contains("anomaly-service", "ingestion-service", "0.000400", "0.022",
                    "anomaly-forest.electricity.sim.PT30M", "17000", "/api/v1/carbon/report/monthly?month=",
                    "INTENSITY (runs)", "country-default 10, measured 2");
        }
    }

    @Test
    void noRunSinceTheDemoStartedIsIncomplete() throws Exception {
        try (var prediction = new StandInService(checkout, "prediction", exchange -> StandInService.answer(exchange,
                """
                {"totals": {"runs": 0, "failedRuns": 0, "rows": 0, "cpuSeconds": 0, "energyKwh": 0, "co2Grams": 0},
                 "methods": {}, "groups": []}
                """))) {
            var result = new CarbonStep(new PipelineDrain.Dependencies(List.of("model-runs"), List.of()),
                    prediction.context()).run();
            assertThat(result).singleElement().satisfies(r ->
                    assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.INCOMPLETE));
        }
    }
}

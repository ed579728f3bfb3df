package io.energywatch.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The forests step against a stand-in for the anomaly service's models list: one line per group, its champion. */
class ForestsStepTest {

    @TempDir
    Path checkout;

    @Test
    void eachGroupShowsItsVersionsAndChampionWithItsWindowAndFeedbackPrecision() throws Exception {
        try (var anomaly = new StandInService(checkout, "anomaly", exchange -> StandInService.answer(exchange, """
                [{"modelId": "anomaly-forest.electricity.sim.PT30M", "version": "2", "group": "electricity:sim:PT30M",
                  "trigger": "schedule", "trainingFrom": "2024-01-18T00:00:00Z", "trainingTo": "2024-02-15T00:00:00Z",
                  "trainingRows": 17000, "contamination": 0.01, "champion": true,
                  "feedback": {"confirmed": 3, "falsePositives": 1, "precision": 0.75}},
                 {"modelId": "anomaly-forest.electricity.sim.PT30M", "version": "1", "group": "electricity:sim:PT30M",
                  "trigger": "schedule", "trainingFrom": "2024-01-11T00:00:00Z", "trainingTo": "2024-02-08T00:00:00Z",
                  "trainingRows": 12000, "contamination": 0.01, "champion": false,
                  "feedback": {"confirmed": 0, "falsePositives": 0, "precision": null}}]
                """))) {
            var result = new ForestsStep(new PipelineDrain.Dependencies(List.of("fusion", "detector"), List.of()),
                    anomaly.context()).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo("1 groups, 2 versions");
            });
            assertThat(anomaly.printed()).contains("electricity:sim:PT30M", "v2 (schedule)", "2024-01-18..2024-02-15",
                    "17000", "0.75 (3/4)");
        }
    }
}

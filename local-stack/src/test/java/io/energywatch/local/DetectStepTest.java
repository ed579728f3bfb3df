package io.energywatch.local;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The detect step's reading of NAB's windows and of /detect's answer. */
class DetectStepTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void nabWindowsAreNaiveUtcTimesAndARowCountsInsideItsWindowsBounds() {
        List<Instant[]> windows = DetectStep.windows(JSON.readTree("""
                [["2011-07-11 04:00:01.000000", "2011-07-17 22:00:01.000000"],
                 ["2011-08-01 00:00:01.000000", "2011-08-02 00:00:01.000000"]]"""));
        assertThat(windows.getFirst()[0]).isEqualTo(Instant.parse("2011-07-11T04:00:01Z"));
        assertThat(windows.getLast()[1]).isEqualTo(Instant.parse("2011-08-02T00:00:01Z"));

        JsonNode rows = JSON.readTree("""
                [{"timestamp": "2011-07-11T04:00:01Z", "is_anomaly": true},
                 {"timestamp": "2011-07-12T00:00:00Z", "is_anomaly": true},
                 {"timestamp": "2011-07-20T00:00:00Z", "is_anomaly": true},
                 {"timestamp": "2011-08-01T12:00:00Z", "is_anomaly": false},
                 {"timestamp": "2011-08-02T00:00:02Z", "is_anomaly": true}]""");
        // The first window is found twice (once counted); the second has only a normal row; two rows are outside.
        assertThat(DetectStep.tally(rows, windows)).isEqualTo(new DetectStep.Tally(1, 2, 2));
    }
}

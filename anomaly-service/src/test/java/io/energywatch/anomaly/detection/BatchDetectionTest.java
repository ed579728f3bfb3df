package io.energywatch.anomaly.detection;

import io.energywatch.analytics.anomaly.DetectorConfig;
import io.energywatch.anomaly.SyntheticSeries;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BatchDetectionTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static List<UploadedRow> rows(double[] values) {
        List<UploadedRow> rows = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            rows.add(new UploadedRow(i + 2, SyntheticSeries.hour(i), values[i]));
        }
        return rows;
    }

    @Test
    void anInjectedSpikeIsFlaggedWithAnExplanationAndQuietRowsAreNot() {
        var detected = BatchDetection.detect(rows(SyntheticSeries.values(168, Set.of(120))), DetectorConfig.defaults(), PARIS);
        DetectedRow spike = detected.get(120);
        assertThat(spike.isAnomaly()).isTrue();
        assertThat(spike.anomalyScore()).isGreaterThanOrEqualTo(0.5);
        assertThat(spike.severity()).isNotNull();
        assertThat(spike.expected()).isBetween(700.0, 1300.0);
        assertThat(spike.explanation().contributions()).isNotEmpty();
        assertThat(spike.explanation().recommendation()).isNotBlank();
        assertThat(detected.stream().filter(DetectedRow::isAnomaly).count()).isEqualTo(1);
    }

    @Test
    void appendingFutureRowsDoesNotChangeTheVerdictOnEarlierRows() {
        double[] all = SyntheticSeries.values(168, Set.of(120, 160));
        var prefix = BatchDetection.detect(rows(java.util.Arrays.copyOf(all, 125)), DetectorConfig.defaults(), PARIS);
        var full = BatchDetection.detect(rows(all), DetectorConfig.defaults(), PARIS);
        assertThat(full.subList(0, 125)).isEqualTo(prefix);
    }

    @Test
    void cadScoresWithinItsBudgetAndPastItTheStreamingDetectorScoresTheWholeUploadAndSaysWhy() {
        var rows = rows(SyntheticSeries.values(168, Set.of(120)));
        var cad = BatchDetection.detect(rows, DetectorConfig.defaults(), PARIS, UploadDetector.CAD,
                Duration.ofMinutes(1));
        assertThat(cad.detector()).isEqualTo(UploadDetector.CAD);
        assertThat(cad.fallback()).isNull();
        assertThat(cad.rows()).hasSize(168);

        var outOfTime = BatchDetection.detect(rows, DetectorConfig.defaults(), PARIS, UploadDetector.CAD,
                Duration.ofNanos(1));
        assertThat(outOfTime.detector()).isEqualTo(UploadDetector.STREAMING);
        assertThat(outOfTime.fallback()).contains("cad stopped at row 0 of 168").contains("PT0.000000001S")
                .contains("scored by streaming");
        assertThat(outOfTime.rows()).isEqualTo(BatchDetection.detect(rows, DetectorConfig.defaults(), PARIS));

        var streaming = BatchDetection.detect(rows, DetectorConfig.defaults(), PARIS, UploadDetector.STREAMING,
                Duration.ofNanos(1));
        assertThat(streaming.detector()).as("the budget is cad's only").isEqualTo(UploadDetector.STREAMING);
        assertThat(streaming.fallback()).isNull();
    }

    @Test
    void theCsvAnswerHasAHeaderAndOneLinePerRow() {
        var detected = BatchDetection.detect(rows(SyntheticSeries.values(168, Set.of(120))), DetectorConfig.defaults(), PARIS);
        String[] lines = BatchDetection.csv(detected).split("\n");
        assertThat(lines[0]).isEqualTo("timestamp,value,anomaly_score,is_anomaly,severity,type,expected,explanation");
        assertThat(lines).hasSize(169);
        assertThat(lines[121]).contains(",true,").contains("SPIKE");
    }
}

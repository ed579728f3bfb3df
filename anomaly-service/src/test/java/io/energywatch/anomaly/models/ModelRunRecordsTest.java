package io.energywatch.anomaly.models;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import io.energywatch.contracts.ModelRunCompleted;
import io.energywatch.contracts.SeriesId;
import io.energywatch.contracts.ModelRunCompleted.RunKind;
import io.energywatch.contracts.ModelRunCompleted.RunStatus;
import io.energywatch.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every forest training, every scoring batch and every {@code /detect} call is a measured model run on
 * energywatch.model-runs.v1.
 */
class ModelRunRecordsTest extends AnomalyServiceTest {

    @Test
    void trainingAndScoringBatchesArePublishedWithTheirEnergy() {
        Instant started = Instant.now();
        String source = "ext-carbon" + RUN;
        var series = SyntheticSeries.series(source);
        var other = SeriesId.of(series.carrier(), "93", source, "PT1H");
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(series, "11", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        kafka.produce(Topics.CONSUMPTION_ENRICHED.name(),
                SyntheticSeries.enriched(other, "93", SyntheticSeries.values(168, Set.of(100))),
                e -> e.measurement().seriesId());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(api.get("/api/v1/anomalies?series=" + other).json().path("totalElements").asLong())
                        .isEqualTo(1));
        String modelId = "anomaly-forest.electricity." + source + ".PT1H";
        var trained = api.postJson("/api/v1/anomalies/models", "{\"group\":\"electricity:" + source + ":PT1H\"}");
        assertThat(trained.status()).as(trained.body()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/anomalies/models", "{\"group\":\"gas:ext-none" + RUN + ":PT1H\"}").status())
                .isEqualTo(422);
        var csv = new StringBuilder("timestamp,value\n");
        for (int h = 0; h < 48; h++) {
            csv.append(Instant.parse("2024-02-01T00:00:00Z").plusSeconds(3600L * h)).append(',')
                    .append(1000 + (h % 24) * 10).append('\n');
        }
        var detected = api.post("/api/v1/anomalies/detect", "text/csv", "application/json", csv.toString());
        assertThat(detected.status()).as(detected.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<ModelRunCompleted> runs = kafka.read(Topics.MODEL_RUNS.name(), ModelRunCompleted.class).stream()
                    .map(ConsumerRecord::value).filter(r -> !r.startedAt().isBefore(started)).toList();
            var training = runs.stream().filter(r -> r.modelId().equals(modelId)).toList();
            assertThat(training).singleElement().satisfies(r -> {
                assertThat(r.kind()).isEqualTo(RunKind.TRAINING);
                assertThat(r.service()).isEqualTo("anomaly-service");
                assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
                assertThat(r.modelVersion()).isEqualTo("1");
                assertThat(r.rows()).isEqualTo(trained.json().path("trainingRows").asLong());
                assertThat(r.method()).isIn("rapl", "cpu-time");
                assertThat(r.energyKwh()).isPositive();
                assertThat(r.co2Grams()).isPositive();
                assertThat(r.cpuSeconds()).isPositive();
                assertThat(r.peakHeapBytes()).isPositive();
            });
            assertThat(runs).filteredOn(r -> r.modelId().equals("anomaly-forest.gas.ext-none" + RUN + ".PT1H"))
                    .singleElement().satisfies(r -> {
                        assertThat(r.status()).isEqualTo(RunStatus.FAILED);
                        assertThat(r.errorType()).endsWith("ProblemException");
                        assertThat(r.errorMessage()).contains("scored rows");
                    });
            assertThat(runs).filteredOn(r -> r.modelId().equals("anomaly-detection:upload")).singleElement()
                    .satisfies(r -> {
                        assertThat(r.kind()).isEqualTo(RunKind.SCORING);
                        assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED);
                        assertThat(r.rows()).isEqualTo(48);
                        assertThat(r.energyKwh()).isPositive();
                    });
            // One record per batch, not per row: the 336 rows came in fewer records.
            var scoring = runs.stream().filter(r -> r.kind() == RunKind.SCORING)
                    .filter(r -> !r.modelId().equals("anomaly-detection:upload")).toList();
            assertThat(scoring).isNotEmpty().allSatisfy(r -> {
                assertThat(r.modelId()).isEqualTo("anomaly-detection");
                assertThat(r.rows()).isPositive();
            });
            assertThat(scoring.size()).isLessThan(2 * 168);
        });
    }
}

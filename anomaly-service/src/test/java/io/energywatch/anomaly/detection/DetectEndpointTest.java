package io.energywatch.anomaly.detection;

import io.energywatch.anomaly.AnomalyServiceTest;
import io.energywatch.anomaly.SyntheticSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/anomalies/detect} over HTTP: CSV and JSON in and out, an injected spike, causality, bad rows. */
class DetectEndpointTest extends AnomalyServiceTest {

    private static final int SPIKE = 120;
    private static final double[] VALUES = SyntheticSeries.values(168, Set.of(SPIKE));

    private static String csv(int rows) {
        var sb = new StringBuilder("timestamp,value,comment\n");
        for (int i = 0; i < rows; i++) {
            sb.append(SyntheticSeries.hour(i)).append(',').append(VALUES[i]).append(",x\n");
        }
        return sb.toString();
    }

    private static String json(int rows) {
        return IntStream.range(0, rows).mapToObj(i -> "{\"timestamp\":\"" + SyntheticSeries.hour(i) + "\",\"value\":"
                + VALUES[i] + "}").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static final String STREAMING = "/api/v1/anomalies/detect?detector=streaming";

    @Test
    void theDefaultCadDetectorLearnsTheFirstRowsThenFlagsTheSpikeAsANewPattern() {
        var response = api.post("/api/v1/anomalies/detect", "text/csv", "application/json", csv(VALUES.length));
        assertThat(response.status()).isEqualTo(200);
        JsonNode content = response.json().path("content");
        assertThat(content).hasSize(VALUES.length);
        for (int i = 0; i < 25; i++) {
            assertThat(content.get(i).path("is_anomaly").asBoolean()).as("row %d, of the learned 15 %%", i).isFalse();
            assertThat(content.get(i).path("anomaly_score").asDouble()).isZero();
        }
        JsonNode spike = content.get(SPIKE);
        assertThat(spike.path("is_anomaly").asBoolean()).isTrue();
        assertThat(spike.path("type").asString()).isEqualTo("SPIKE");
        assertThat(spike.path("explanation").path("contributions").get(0).path("feature").asString())
                .isEqualTo("context_novelty");
        assertThat(spike.path("explanation").path("recommendation").asString()).isNotBlank();
        assertThat(response.json().path("detector").asString()).isEqualTo("cad");
        JsonNode fallback = response.json().path("fallback");
        assertThat(fallback.isNull() || fallback.isMissingNode()).as("no fallback: %s", fallback).isTrue();
        assertThat(api.postHeaders("/api/v1/anomalies/detect", "text/csv", "text/csv", csv(VALUES.length))
                .firstValue("X-EnergyWatch-Detector")).hasValue("cad");
        assertThat(api.postHeaders(STREAMING, "text/csv", "text/csv", csv(VALUES.length))
                .firstValue("X-EnergyWatch-Detector")).hasValue("streaming");
        long flagged = response.json().path("anomalies").asLong();
        assertThat(flagged).as("anomalous rows of 143 scored").isBetween(1L, 15L);
    }

    @Test
    void aCsvUploadAnswersEveryRowAsJsonWithTheInjectedSpikeFlaggedAndExplained() {
        var response = api.post(STREAMING, "text/csv", "application/json", csv(VALUES.length));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("rows").asInt()).isEqualTo(VALUES.length);
        assertThat(body.path("content")).hasSize(VALUES.length);
        JsonNode spike = body.path("content").get(SPIKE);
        assertThat(spike.path("is_anomaly").asBoolean()).isTrue();
        assertThat(spike.path("anomaly_score").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(spike.path("type").asString()).isEqualTo("SPIKE");
        assertThat(spike.path("severity").asString()).isIn("LOW", "MEDIUM", "HIGH", "CRITICAL");
        assertThat(spike.path("expected").asDouble()).isLessThan(VALUES[SPIKE]);
        assertThat(spike.path("explanation").path("contributions")).isNotEmpty();
        assertThat(spike.path("explanation").path("recommendation").asString()).isNotBlank();
        assertThat(body.path("anomalies").asLong()).isEqualTo(1);
    }

    @Test
    void aJsonUploadAnsweredAsCsvGivesTheSameScoresAsTheCsvUpload() {
        var asCsv = api.post("/api/v1/anomalies/detect", "application/json", "text/csv", json(VALUES.length));
        assertThat(asCsv.status()).isEqualTo(200);
        assertThat(asCsv.contentType()).startsWith("text/csv");
        List<String> lines = asCsv.body().lines().toList();
        assertThat(lines).hasSize(VALUES.length + 1);
        assertThat(lines.getFirst()).startsWith("timestamp,value,anomaly_score,is_anomaly");
        assertThat(lines.get(SPIKE + 1)).contains(",true,");

        JsonNode fromCsv = api.post("/api/v1/anomalies/detect", "text/csv", "application/json", csv(VALUES.length))
                .json().path("content");
        for (int i = 0; i < VALUES.length; i++) {
            double csvScore = Double.parseDouble(lines.get(i + 1).split(",")[2]);
            assertThat(csvScore).isCloseTo(fromCsv.get(i).path("anomaly_score").asDouble(),
                    org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void appendingFutureRowsLeavesTheStreamingScoresOfEarlierRowsUnchanged() {
        JsonNode prefix = api.post(STREAMING, "text/csv", "application/json", csv(SPIKE + 1))
                .json().path("content");
        JsonNode full = api.post(STREAMING, "text/csv", "application/json", csv(VALUES.length))
                .json().path("content");
        assertThat(prefix).hasSize(SPIKE + 1);
        for (int i = 0; i <= SPIKE; i++) {
            assertThat(full.get(i)).isEqualTo(prefix.get(i));
        }
        assertThat(prefix.get(SPIKE).path("is_anomaly").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ensemble", "context"})
    void theEnsemblesFlagTheSpikeAndNeverScoreARowBelowTheStreamingDetector(String detector) {
        JsonNode streaming = api.post(STREAMING, "text/csv", "application/json", csv(VALUES.length))
                .json().path("content");
        var response = api.post("/api/v1/anomalies/detect?detector=" + detector, "text/csv", "application/json",
                csv(VALUES.length));
        assertThat(response.status()).isEqualTo(200);
        JsonNode ensemble = response.json().path("content");
        assertThat(ensemble).hasSize(VALUES.length);
        assertThat(ensemble.get(SPIKE).path("is_anomaly").asBoolean()).isTrue();
        assertThat(ensemble.get(SPIKE).path("type").asString()).isEqualTo("SPIKE");
        for (int i = 0; i < VALUES.length; i++) {
            assertThat(ensemble.get(i).path("anomaly_score").asDouble())
                    .isGreaterThanOrEqualTo(streaming.get(i).path("anomaly_score").asDouble());
        }
    }

    @Test
    void anUnknownDetectorIsA400ProblemNamingTheParameter() {
        var response = api.post("/api/v1/anomalies/detect?detector=magic", "text/csv", "application/json",
                csv(VALUES.length));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("detector");
        assertThat(error.path("reason").asString()).contains("cad|streaming|ensemble|context");
    }

    @Test
    void badRowsAreA400ProblemListingLineFieldAndReason() {
        var response = api.post("/api/v1/anomalies/detect", "text/csv", "application/json",
                "timestamp,value\n2024-03-04T00:00:00Z,1\nnot-a-time,2\n2024-03-04T02:00:00Z,abc\n");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("line").asLong()).isEqualTo(3);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("timestamp");
        assertThat(errors.get(1).path("line").asLong()).isEqualTo(4);
        assertThat(errors.get(1).path("field").asString()).isEqualTo("value");
        assertThat(errors.get(1).path("reason").asString()).contains("abc");
    }
}

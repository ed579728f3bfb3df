package io.energywatch.prediction.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.contracts.ModelRunCompleted;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The MLflow adapter against a local server answering MLflow's documented REST endpoints, checking what it sends. */
class MlflowModelRegistryContractTest {

    private static final String MODEL = "forecast.electricity:FR:odre:P1D.h1";
    private static final Instant NOW = Instant.parse("2025-01-15T10:00:00Z");

    private FakeMlflowServer mlflow;
    private MlflowModelRegistry registry;

    @BeforeEach
    void start() throws Exception {
        mlflow = new FakeMlflowServer();
        registry = new MlflowModelRegistry(mlflow.uri(), "energywatch-test", Duration.ofSeconds(5),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        mlflow.close();
    }

    private static ModelRegistration registration(String artifact) {
        return new ModelRegistration(MODEL, "forecast", "ridge",
                new TrainingWindow(Instant.parse("2016-01-01T00:00:00Z"), Instant.parse("2022-01-01T00:00:00Z"), 2191),
                Map.of("horizon_days", "1"), 250.0,
                List.of(FeatureProfile.numeric("tempMeanC", new double[] {1, 2, 3, 4}, 2, 10, 1)),
                Map.of("validation_mape_percent", 1.56, "validation_r2", Double.NaN),
                artifact.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void registeringCreatesTheExperimentARunAVersionAndUploadsTheArtifactThroughTheProxy() {
        var version = registry.register(registration("model-bytes"));

        assertThat(version.version()).isEqualTo("1");
        assertThat(version.registeredAt()).isEqualTo(NOW);
        assertThat(mlflow.calls()).containsExactly(
                "POST /api/2.0/mlflow/experiments/create",
                "POST /api/2.0/mlflow/runs/create",
                "POST /api/2.0/mlflow/runs/log-batch",
                "POST /api/2.0/mlflow/registered-models/create",
                "POST /api/2.0/mlflow/model-versions/create",
                "PUT /api/2.0/mlflow-artifacts/artifacts/7/run-1/artifacts/model/artifact.bin",
                "PUT /api/2.0/mlflow-artifacts/artifacts/7/run-1/artifacts/model/metadata.json",
                "POST /api/2.0/mlflow/runs/update");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/experiments/create").bodyText())
                .contains("\"name\":\"energywatch-test\"");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/runs/create").bodyText())
                .contains("\"experiment_id\":\"7\"", "\"start_time\":" + NOW.toEpochMilli(), MODEL);
        String batch = mlflow.last("POST", "/api/2.0/mlflow/runs/log-batch").bodyText();
        assertThat(batch).contains("\"run_id\":\"run-1\"", "{\"key\":\"algorithm\",\"value\":\"ridge\"}",
                "{\"key\":\"horizon_days\",\"value\":\"1\"}", "\"key\":\"validation_mape_percent\",\"value\":1.56");
        // NaN is not JSON: the undefined R² is left out rather than sent.
        assertThat(batch).doesNotContain("validation_r2");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/model-versions/create").bodyText())
                .contains("\"source\":\"mlflow-artifacts:/7/run-1/artifacts/model\"", "\"run_id\":\"run-1\"");
        assertThat(mlflow.artifacts.get("7/run-1/artifacts/model/artifact.bin"))
                .isEqualTo("model-bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/runs/update").bodyText())
                .contains("\"status\":\"FINISHED\"");
    }

    @Test
    void aSecondVersionReusesTheRegisteredModelAndTheChampionAliasReadsItBack() {
        registry.register(registration("first"));
        var second = registry.register(registration("second"));

        registry.setAlias(MODEL, ModelRegistry.CHAMPION, second.version());
        var champion = registry.byAlias(MODEL, ModelRegistry.CHAMPION).orElseThrow();

        assertThat(champion.version()).isEqualTo("2");
        assertThat(champion.algorithm()).isEqualTo("ridge");
        assertThat(champion.trainingWindow().rows()).isEqualTo(2191);
        assertThat(champion.featureProfiles()).extracting(FeatureProfile::feature).containsExactly("tempMeanC");
        assertThat(registry.artifact(MODEL, "2")).isEqualTo("second".getBytes(StandardCharsets.UTF_8));
        assertThat(registry.versions(MODEL)).extracting(v -> v.version()).containsExactly("1", "2");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/registered-models/alias").bodyText())
                .contains("\"alias\":\"champion\"", "\"version\":\"2\"");
        // The experiment was created once and then remembered.
        assertThat(mlflow.calls()).containsOnlyOnce("POST /api/2.0/mlflow/experiments/create");
    }

    @Test
    void aRestartedServiceFindsTheExistingExperimentByName() {
        registry.register(registration("first"));
        var restarted = new MlflowModelRegistry(mlflow.uri(), "energywatch-test", Duration.ofSeconds(5),
                Clock.fixed(NOW, ZoneOffset.UTC));

        var version = restarted.register(registration("second"));

        assertThat(version.version()).isEqualTo("2");
        assertThat(mlflow.calls()).containsSubsequence("POST /api/2.0/mlflow/experiments/create",
                "GET /api/2.0/mlflow/experiments/get-by-name", "POST /api/2.0/mlflow/runs/create");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/runs/create").bodyText()).contains("\"experiment_id\":\"7\"");
    }

    @Test
    void aTrainingRunsEnergyAndCo2AreLoggedOnTheRunOfItsVersion() {
        var version = registry.register(registration("model-bytes"));
        var run = new ModelRunCompleted(null, "run-of-training", "prediction-service", MODEL, version.version(),
                ModelRunCompleted.RunKind.TRAINING, NOW, NOW.plusSeconds(90), 90.0, 45.0, 1L << 28, 120,
                ModelRunCompleted.RunStatus.SUCCEEDED, null, null, 5e-5, 5e-4, 5.5e-4, 5.5e-4 * 56.039, 56.039, 1.0,
                "cpu-time");

        new MlflowRunCarbon(registry).accept(run);

        assertThat(mlflow.calls()).endsWith("GET /api/2.0/mlflow/model-versions/get",
                "POST /api/2.0/mlflow/runs/log-batch");
        assertThat(mlflow.last("POST", "/api/2.0/mlflow/runs/log-batch").bodyText()).contains("\"run_id\":\"run-1\"",
                "\"key\":\"carbon_energy_kwh\",\"value\":5.5E-4", "\"key\":\"carbon_cpu_seconds\",\"value\":45.0",
                "{\"key\":\"carbon_method\",\"value\":\"cpu-time\"}");
        // A scoring or backtest run has no version of its own: nothing is logged.
        int calls = mlflow.calls().size();
        new MlflowRunCarbon(registry).accept(new ModelRunCompleted(null, "run-of-backtest", "prediction-service",
                MODEL, null, ModelRunCompleted.RunKind.BACKTEST, NOW, NOW, 0, 0, 0, 0,
                ModelRunCompleted.RunStatus.SUCCEEDED, null, null, 0, 0, 0, 0, 56.039, 1.0, "cpu-time"));
        assertThat(mlflow.calls()).hasSize(calls);
        assertThat(registry.logRunMetrics(MODEL, "99", Map.of("x", 1.0), Map.of())).isFalse();
    }

    @Test
    void anUnknownAliasOrVersionIsEmptyNotAnError() {
        assertThat(registry.byAlias(MODEL, ModelRegistry.CHAMPION)).isEmpty();
        assertThat(registry.get(MODEL, "9")).isEmpty();
    }

    @Test
    void anArtifactThatDoesNotMatchItsChecksumIsRefused() {
        registry.register(registration("genuine"));
        mlflow.artifacts.put("7/run-1/artifacts/model/artifact.bin", "tampered".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> registry.artifact(MODEL, "1")).isInstanceOf(ModelRegistryException.class)
                .hasMessageContaining("checksum");
    }
}

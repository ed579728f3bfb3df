package io.energywatch.drift.watch;

import com.sun.net.httpserver.HttpServer;
import io.energywatch.analytics.registry.FeatureProfile;
import io.energywatch.analytics.registry.LocalModelRegistry;
import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.analytics.registry.TrainingWindow;
import io.energywatch.drift.config.DriftProperties;
import io.energywatch.drift.window.WindowScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Discovery: every champion of the local registry and of MLflow (a local HTTP server answering MLflow's REST API and
 * artifact proxy as the prediction service's registry writes them), plus the configured ids; MLflow going down keeps
 * what it gave before.
 */
class WatchedModelsTest {

    private static final Instant T = Instant.parse("2024-01-01T00:00:00Z");

    @TempDir
    Path root;
    private HttpServer mlflow;
    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void startMlflow() throws IOException {
        var forecaster = version("forecast.electricity:FR:odre:P1D.h1", "3",
                Map.of("series", "electricity:FR:odre:P1D"));
        mlflow = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        mlflow.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            // The decoded query: the reader percent-encodes the model id.
            String query = exchange.getRequestURI().getQuery();
            String body = null;
            if (path.equals("/api/2.0/mlflow/registered-models/search")) {
                // Two pages: the reader must follow next_page_token.
                body = query.contains("page_token=p2")
                        ? "{\"registered_models\": [{\"name\": \"forecast.gas:FR:odre:P1D.h1\"}]}"
                        : "{\"registered_models\": [{\"name\": \"forecast.electricity:FR:odre:P1D.h1\","
                        + " \"aliases\": [{\"alias\": \"champion\", \"version\": \"3\"}]}], \"next_page_token\": \"p2\"}";
            } else if (path.equals("/api/2.0/mlflow/registered-models/alias")
                    && query.contains("name=forecast.electricity:FR:odre:P1D.h1")) {
                body = "{\"model_version\": {\"version\": \"3\", \"source\": \"mlflow-artifacts:/7/run-3/artifacts/model\"}}";
            } else if (path.equals("/api/2.0/mlflow-artifacts/artifacts/7/run-3/artifacts/model/metadata.json")) {
                body = json.writeValueAsString(forecaster);
            }
            byte[] bytes = (body == null ? "{\"error_code\": \"RESOURCE_DOES_NOT_EXIST\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        mlflow.start();
    }

    @AfterEach
    void stopMlflow() {
        mlflow.stop(0);
    }

    @Test
    void everyChampionOfEveryRegistryIsWatchedWithTheConfiguredModels() {
        var local = new LocalModelRegistry(root);
        var forest = local.register(registration("anomaly-forest.electricity.sim.PT1H"));
        local.setAlias(forest.modelId(), "champion", forest.version());
        local.register(registration("anomaly-forest.gas.sim.PT1H"));
        var watched = new WatchedModels(List.of(new LocalModels(local), mlflowReader()),
                properties(List.of("configured-model", "anomaly-forest.electricity.sim.PT1H")), Clock.systemUTC());

        var found = watched.refresh();

        assertThat(found).containsExactly(
                new WatchedModels.Watched("anomaly-forest.electricity.sim.PT1H", "local"),
                new WatchedModels.Watched("forecast.electricity:FR:odre:P1D.h1", "mlflow"),
                new WatchedModels.Watched("configured-model", "configured"));
        assertThat(watched.current()).isEqualTo(found);
    }

    @Test
    void aChampionReadFromMlflowKeepsItsProfilesAndScope() {
        var champion = mlflowReader().byAlias("forecast.electricity:FR:odre:P1D.h1", "champion").orElseThrow();

        assertThat(champion.version()).isEqualTo("3");
        assertThat(champion.featureProfiles()).extracting(FeatureProfile::feature).containsExactly("tempMeanC");
        assertThat(ModelScopes.of(champion)).isEqualTo(new WindowScope("electricity", "FR", "odre", null, true));
    }

    @Test
    void mlflowGoingDownKeepsTheModelsItGaveBefore() {
        var watched = new WatchedModels(List.of(new LocalModels(new LocalModelRegistry(root)), mlflowReader()),
                properties(List.of()), Clock.systemUTC());
        watched.refresh();

        mlflow.stop(0);
        var found = watched.refresh();

        assertThat(found).containsExactly(new WatchedModels.Watched("forecast.electricity:FR:odre:P1D.h1", "mlflow"));
    }

    @Test
    void anAnnouncementOlderThanTheLastRefreshReadsNoRegistryAgain() {
        var local = new LocalModelRegistry(root);
        var clock = new MutableClock(T);
        var watched = new WatchedModels(List.of(new LocalModels(local)), properties(List.of()), clock);
        watched.refresh();
        var forest = local.register(registration("anomaly-forest.electricity.sim.PT1H"));
        local.setAlias(forest.modelId(), "champion", forest.version());

        clock.now = T.plusSeconds(60);
        assertThat(watched.refreshIfBefore(T.minusSeconds(1))).isEmpty();
        assertThat(watched.refreshIfBefore(T.plusSeconds(30))).extracting(WatchedModels.Watched::modelId)
                .containsExactly(forest.modelId());
    }

    /** A clock the test moves. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aForestIsComparedWithEveryAreaOfItsGroupRowByRow() {
        var forest = version("anomaly-forest.electricity.eco2mix.PT30M", "1", Map.of());

        assertThat(ModelScopes.of(forest)).isEqualTo(new WindowScope("electricity", null, "eco2mix", "PT30M", false));
        assertThat(ModelScopes.of(version("other", "1", Map.of()))).isEqualTo(WindowScope.ALL);
    }

    private MlflowModels mlflowReader() {
        return new MlflowModels("http://127.0.0.1:" + mlflow.getAddress().getPort(), Duration.ofSeconds(2), 1);
    }

    private static DriftProperties properties(List<String> models) {
        return new DriftProperties(null, null, 0, 100, null, new DriftProperties.Registry(Path.of("unused"), "champion"),
                models, null, null, null, null, null, null, null, null);
    }

    private static ModelRegistration registration(String modelId) {
        return new ModelRegistration(modelId, "anomaly", "isolation-forest", new TrainingWindow(T, T.plusSeconds(3600), 1),
                Map.of(), 0.5, List.of(FeatureProfile.numeric("value", new double[]{1, 2, 3}, 2, 10, 1L)), Map.of(),
                new byte[]{1});
    }

    private static ModelVersion version(String modelId, String version, Map<String, String> parameters) {
        return new ModelVersion(modelId, version, "forecast", "ridge", new TrainingWindow(T, T.plusSeconds(86_400), 1),
                parameters, 0.0, List.of(FeatureProfile.numeric("tempMeanC", new double[]{1, 2, 3}, 2, 10, 1L)),
                Map.of(), T, "00");
    }
}

package io.energywatch.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the Compose Specification's JSON schema, and what running it beyond a laptop relies on
 * that the local stack's ComposeFileTest does not check: a healthcheck on every long-running container, start order
 * by health or completion, the infra and full profiles, and named volumes for every store and the model registry.
 */
class ComposeSpecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STORES = Set.of("kafka", "mongodb", "elasticsearch", "kibana", "mlflow");

    private static JsonNode compose;
    private static JsonSchema schema;

    @BeforeAll
    static void read() throws IOException {
        // SnakeYAML resolves the anchors and merge keys (<<) the file uses, as compose does.
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Deploy.root().resolve("docker-compose.yml")));
        compose = JSON.valueToTree(yaml);
        try (InputStream in = ComposeSpecTest.class.getResourceAsStream("/compose-spec/compose-spec.json")) {
            ObjectNode spec = (ObjectNode) JSON.readTree(in);
            // The packaged schema predates the top-level project name (compose-spec, 2022): the specification's own
            // definition of it is added here. Its draft-04 "id" members, which name subschemas and validate nothing,
            // are dropped (2019-09 knows only "$id", and the validator refuses unknown keywords).
            ((ObjectNode) spec.path("properties")).putObject("name").put("type", "string")
                    .put("pattern", "^[a-z0-9][a-z0-9_-]*$");
            dropIds(spec);
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(spec);
        }
    }

    private static void dropIds(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("id").isTextual()) {
            object.remove("id");
        }
        node.forEach(ComposeSpecTest::dropIds);
    }

    @Test
    void theFileIsValidAgainstTheComposeSpecification() {
        assertThat(schema.validate(compose)).isEmpty();
    }

    @Test
    void theSchemaRejectsAnUnknownServiceKeyAndAWrongType() {
        ObjectNode broken = compose.deepCopy();
        ((ObjectNode) broken.path("services").path("gateway")).put("restart_policy", "always");
        ((ObjectNode) broken.path("services").path("kafka").path("healthcheck")).put("retries", "twelve");
        Set<ValidationMessage> errors = schema.validate(broken);
        assertThat(errors).anySatisfy(e -> assertThat(e.getMessage()).contains("restart_policy"));
        assertThat(errors).anySatisfy(e -> assertThat(e.getInstanceLocation().toString()).contains("retries"));
    }

    @Test
    void everyLongRunningContainerHasAHealthcheckAndStartsAfterWhatItNeedsIsHealthyOrDone() {
        compose.path("services").properties().forEach(service -> {
            JsonNode definition = service.getValue();
            boolean oneShot = "no".equals(definition.path("restart").asText());
            if (!oneShot) {
                assertThat(definition.path("healthcheck").path("test").isMissingNode()).as(service.getKey()).isFalse();
            }
            definition.path("depends_on").properties().forEach(dependency -> {
                JsonNode target = compose.path("services").path(dependency.getKey());
                String expected = "no".equals(target.path("restart").asText()) ? "service_completed_successfully"
                        : "service_healthy";
                assertThat(dependency.getValue().path("condition").asText())
                        .as(service.getKey() + " -> " + dependency.getKey()).isEqualTo(expected);
            });
        });
        // The gateway starts once the services behind it answer their readiness.
        assertThat(compose.at("/services/gateway/depends_on").properties()).extracting(Map.Entry::getKey)
                .contains("ingestion-service", "fusion-service", "anomaly-service", "prediction-service",
                        "drift-service");
    }

    @Test
    void theInfraProfileRunsTheStoresAndTheFullProfileEverything() {
        compose.path("services").properties().forEach(service -> {
            List<String> profiles = new ArrayList<>();
            service.getValue().path("profiles").forEach(p -> profiles.add(p.asText()));
            assertThat(profiles).as(service.getKey()).contains("full");
            boolean store = STORES.stream().anyMatch(s -> service.getKey().startsWith(s));
            if (store) {
                assertThat(profiles).as(service.getKey()).contains("infra");
            } else {
                assertThat(profiles).as(service.getKey()).containsExactly("full");
            }
        });
    }

    @Test
    void everyStoreAndTheModelRegistryLiveOnNamedVolumes() {
        JsonNode volumes = compose.path("volumes");
        assertThat(volumes.properties()).extracting(Map.Entry::getKey)
                .contains("kafka-data", "mongo-data", "es-data", "kibana-data", "mlflow-data", "models", "spool",
                        "fusion-state");
        for (String service : List.of("anomaly-service", "prediction-service", "drift-service")) {
            JsonNode definition = compose.path("services").path(service);
            List<String> mounts = new ArrayList<>();
            definition.path("volumes").forEach(v -> mounts.add(v.asText()));
            assertThat(mounts).as(service).contains("models:/models");
        }
        // Each service's registry setting points at the mounted volume, not at the JVM's temporary directory.
        assertThat(compose.at("/services/anomaly-service/environment/ENERGYWATCH_ANOMALY_MODELS_REGISTRYDIR").asText())
                .isEqualTo("/models");
        assertThat(compose.at("/services/prediction-service/environment/ENERGYWATCH_PREDICTION_MODELS_REGISTRYDIR")
                .asText()).isEqualTo("/models");
        assertThat(compose.at("/services/drift-service/environment/ENERGYWATCH_DRIFT_REGISTRY_ROOT").asText())
                .isEqualTo("/models");
        // MLflow stores runs and serves artifacts from its volume.
        assertThat(compose.at("/services/mlflow/command").asText()).contains("--serve-artifacts")
                .contains("--artifacts-destination /mlflow/artifacts");
    }
}

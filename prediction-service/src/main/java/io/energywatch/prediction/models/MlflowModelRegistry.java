package io.energywatch.prediction.models;

import io.energywatch.analytics.registry.ModelRegistration;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.analytics.registry.ModelVersion;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mlflow.tracking.MlflowClient;
import org.mlflow.tracking.MlflowHttpException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The model registry port on an MLflow server. A registration is an MLflow run (parameters, metrics, the model id as a
 * tag) whose artifacts {@code model/artifact.bin} and {@code model/metadata.json} go through the server's artifact proxy
 * ({@code --serve-artifacts}), and a version of the registered model named after the model id, whose source points at
 * them. Aliases are MLflow aliases. Only the REST API is used: mlflow-client's {@code logArtifact} would start Python.
 */
public final class MlflowModelRegistry implements ModelRegistry {

    static final String ARTIFACT = "model/artifact.bin";
    static final String METADATA = "model/metadata.json";
    private static final String ARTIFACT_API = "/api/2.0/mlflow-artifacts/artifacts/";

    private final MlflowClient client;
    private final URI trackingUri;
    private final String experimentName;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private volatile String experimentId;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MlflowModelRegistry(String trackingUri, String experimentName, Duration timeout, Clock clock) {
        this.trackingUri = URI.create(trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
                : trackingUri);
        this.client = new MlflowClient(this.trackingUri.toString());
        this.experimentName = experimentName;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public synchronized ModelVersion register(ModelRegistration r) {
        String experimentId = experimentId();
        long now = clock.millis();
        ObjectNode createRun = json.createObjectNode().put("experiment_id", experimentId).put("start_time", now)
                .put("run_name", r.modelId());
        createRun.putArray("tags").addObject().put("key", "energywatch.model_id").put("value", r.modelId());
        String runId = post("runs/create", createRun).path("run").path("info").path("run_id").asString();

        ObjectNode batch = json.createObjectNode().put("run_id", runId);
        ArrayNode params = batch.putArray("params");
        params.addObject().put("key", "kind").put("value", r.kind());
        params.addObject().put("key", "algorithm").put("value", r.algorithm());
        params.addObject().put("key", "training_from").put("value", r.trainingWindow().from().toString());
        params.addObject().put("key", "training_to").put("value", r.trainingWindow().to().toString());
        params.addObject().put("key", "training_rows").put("value", Long.toString(r.trainingWindow().rows()));
        new java.util.TreeMap<>(r.parameters()).forEach((k, v) -> params.addObject().put("key", k).put("value", v));
        ArrayNode metrics = batch.putArray("metrics");
        new java.util.TreeMap<>(r.trainingMetrics()).forEach((k, v) -> {
            // JSON has no NaN: an undefined metric is not logged rather than logged as a number it is not.
            if (Double.isFinite(v)) {
                metrics.addObject().put("key", k).put("value", v).put("timestamp", now).put("step", 0);
            }
        });
        batch.putArray("tags");
        post("runs/log-batch", batch);

        try {
            post("registered-models/create", json.createObjectNode().put("name", r.modelId()));
        } catch (MlflowHttpException e) {
            if (!alreadyExists(e)) {
                throw e;
            }
        }
        String source = "mlflow-artifacts:/" + experimentId + "/" + runId + "/artifacts/model";
        JsonNode created = post("model-versions/create", json.createObjectNode().put("name", r.modelId())
                .put("source", source).put("run_id", runId));
        String version = created.path("model_version").path("version").asString();

        var modelVersion = new ModelVersion(r.modelId(), version, r.kind(), r.algorithm(), r.trainingWindow(),
                r.parameters(), r.threshold(), r.featureProfiles(), r.trainingMetrics(), clock.instant(),
                sha256(r.artifact()));
        String base = experimentId + "/" + runId + "/artifacts/";
        put(base + ARTIFACT, r.artifact());
        put(base + METADATA, json.writeValueAsBytes(modelVersion));
        post("runs/update", json.createObjectNode().put("run_id", runId).put("status", "FINISHED")
                .put("end_time", clock.millis()));
        return modelVersion;
    }

    /**
     * Logs {@code metrics} (finite values only) and {@code tags} on the MLflow run that produced a registered version;
     * false when the version is unknown.
     */
    public boolean logRunMetrics(String modelId, String version, Map<String, Double> metrics,
                                 Map<String, String> tags) {
        JsonNode found;
        try {
            found = getJson("model-versions/get?name=" + encode(modelId) + "&version=" + encode(version));
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() == 404) {
                return false;
            }
            throw e;
        }
        String runId = found.path("model_version").path("run_id").asString();
        long now = clock.millis();
        ObjectNode batch = json.createObjectNode().put("run_id", runId);
        ArrayNode logged = batch.putArray("metrics");
        new java.util.TreeMap<>(metrics).forEach((k, v) -> {
            if (Double.isFinite(v)) {
                logged.addObject().put("key", k).put("value", v).put("timestamp", now).put("step", 0);
            }
        });
        batch.putArray("params");
        ArrayNode tagged = batch.putArray("tags");
        new java.util.TreeMap<>(tags).forEach((k, v) -> tagged.addObject().put("key", k).put("value", v));
        post("runs/log-batch", batch);
        return true;
    }

    @Override
    public Optional<ModelVersion> get(String modelId, String version) {
        return source(modelId, version).map(src -> json.readValue(download(src + "/metadata.json"),
                ModelVersion.class));
    }

    @Override
    public List<ModelVersion> versions(String modelId) {
        JsonNode found;
        try {
            found = getJson("model-versions/search?filter=" + encode("name='" + modelId + "'"));
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() == 404) {
                return List.of();
            }
            throw e;
        }
        var versions = new ArrayList<ModelVersion>();
        for (JsonNode v : found.path("model_versions")) {
            get(modelId, v.path("version").asString()).ifPresent(versions::add);
        }
        versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.version())));
        return List.copyOf(versions);
    }

    @Override
    public byte[] artifact(String modelId, String version) {
        ModelVersion metadata = get(modelId, version)
                .orElseThrow(() -> new ModelRegistryException("no version " + version + " of " + modelId));
        String src = source(modelId, version).orElseThrow();
        byte[] bytes = download(src + "/artifact.bin");
        if (!sha256(bytes).equals(metadata.artifactSha256())) {
            throw new ModelRegistryException("artifact of " + modelId + " version " + version
                    + " does not match its checksum");
        }
        return bytes;
    }

    @Override
    public void setAlias(String modelId, String alias, String version) {
        if (get(modelId, version).isEmpty()) {
            throw new ModelRegistryException("no version " + version + " of " + modelId + " to alias as " + alias);
        }
        post("registered-models/alias", json.createObjectNode().put("name", modelId).put("alias", alias)
                .put("version", version));
    }

    @Override
    public Optional<ModelVersion> byAlias(String modelId, String alias) {
        try {
            JsonNode found = getJson("registered-models/alias?name=" + encode(modelId) + "&alias=" + encode(alias));
            return get(modelId, found.path("model_version").path("version").asString());
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * The experiment's id, created on first use. Create comes first because mlflow-client retries a GET answered 404,
     * so looking up a missing experiment first would cost several round trips.
     */
    private String experimentId() {
        if (experimentId != null) {
            return experimentId;
        }
        try {
            experimentId = post("experiments/create", json.createObjectNode().put("name", experimentName))
                    .path("experiment_id").asString();
        } catch (MlflowHttpException e) {
            if (!alreadyExists(e)) {
                throw e;
            }
            experimentId = getJson("experiments/get-by-name?experiment_name=" + encode(experimentName))
                    .path("experiment").path("experiment_id").asString();
        }
        return experimentId;
    }

    private static boolean alreadyExists(MlflowHttpException e) {
        return e.getStatusCode() == 400 && e.getBodyMessage() != null
                && e.getBodyMessage().contains("RESOURCE_ALREADY_EXISTS");
    }

    /** The artifact proxy path of a version's model folder, from its source; empty for an unknown version. */
    private Optional<String> source(String modelId, String version) {
        JsonNode found;
        try {
            found = getJson("model-versions/get?name=" + encode(modelId) + "&version=" + encode(version));
        } catch (MlflowHttpException e) {
            if (e.getStatusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        String source = found.path("model_version").path("source").asString();
        String prefix = "mlflow-artifacts:/";
        if (!source.startsWith(prefix)) {
            throw new ModelRegistryException(modelId + " version " + version + " has source " + source
                    + ", which the artifact proxy does not serve");
        }
        return Optional.of(source.substring(prefix.length()));
    }

    private JsonNode post(String path, ObjectNode body) {
        return json.readTree(client.sendPost(path, json.writeValueAsString(body)));
    }

    private JsonNode getJson(String path) {
        return json.readTree(client.sendGet(path));
    }

    private void put(String path, byte[] bytes) {
        var request = HttpRequest.newBuilder(URI.create(trackingUri + ARTIFACT_API + path)).timeout(timeout)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        send(request, "upload " + path);
    }

    private byte[] download(String path) {
        var request = HttpRequest.newBuilder(URI.create(trackingUri + ARTIFACT_API + path)).timeout(timeout).GET()
                .build();
        return send(request, "download " + path);
    }

    private byte[] send(HttpRequest request, String what) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new ModelRegistryException("MLflow artifact proxy refused to " + what + ": HTTP "
                        + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new ModelRegistryException("cannot " + what + " through the MLflow artifact proxy", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelRegistryException("interrupted while trying to " + what, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}

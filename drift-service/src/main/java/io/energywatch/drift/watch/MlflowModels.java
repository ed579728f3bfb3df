package io.energywatch.drift.watch;

import io.energywatch.analytics.registry.ModelRegistryException;
import io.energywatch.analytics.registry.ModelVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Models registered in MLflow by the prediction service's MLflow registry: each model id is a registered model whose
 * versions' sources are folders behind the server's artifact proxy holding {@code metadata.json} (the version with its
 * reference profiles). Only MLflow's REST API is read, with the JDK's HTTP client.
 */
public final class MlflowModels implements ModelReader {

    private static final String API = "/api/2.0/mlflow/";
    private static final String ARTIFACTS = "/api/2.0/mlflow-artifacts/artifacts/";
    private static final String PROXIED = "mlflow-artifacts:/";

    private final String trackingUri;
    private final Duration timeout;
    private final int pageSize;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public MlflowModels(String trackingUri, Duration timeout, int pageSize) {
        this.trackingUri = trackingUri.endsWith("/") ? trackingUri.substring(0, trackingUri.length() - 1)
                : trackingUri;
        this.timeout = timeout;
        this.pageSize = pageSize;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return "mlflow";
    }

    @Override
    public List<String> modelIds() {
        var ids = new ArrayList<String>();
        String token = null;
        do {
            String query = "registered-models/search?max_results=" + pageSize
                    + (token == null ? "" : "&page_token=" + encode(token));
            JsonNode page = api(query).orElseThrow(() -> new ModelRegistryException(
                    "MLflow at " + trackingUri + " does not answer registered-models/search"));
            page.path("registered_models").forEach(m -> ids.add(m.path("name").asString()));
            token = page.path("next_page_token").asString("");
            token = token.isEmpty() ? null : token;
        } while (token != null);
        return List.copyOf(ids);
    }

    @Override
    public Optional<ModelVersion> get(String modelId, String version) {
        return api("model-versions/get?name=" + encode(modelId) + "&version=" + encode(version))
                .map(found -> metadata(modelId, found.path("model_version")));
    }

    @Override
    public Optional<ModelVersion> byAlias(String modelId, String alias) {
        return api("registered-models/alias?name=" + encode(modelId) + "&alias=" + encode(alias))
                .map(found -> metadata(modelId, found.path("model_version")));
    }

    @Override
    public List<ModelVersion> versions(String modelId) {
        var found = api("model-versions/search?filter=" + encode("name='" + modelId.replace("'", "\\'") + "'"));
        var versions = new ArrayList<ModelVersion>();
        found.ifPresent(page -> page.path("model_versions").forEach(v -> versions.add(metadata(modelId, v))));
        versions.sort(Comparator.comparingInt(v -> Integer.parseInt(v.version())));
        return List.copyOf(versions);
    }

    /** The version's metadata.json, through the artifact proxy its source points at. */
    private ModelVersion metadata(String modelId, JsonNode modelVersion) {
        String source = modelVersion.path("source").asString("");
        if (!source.startsWith(PROXIED)) {
            throw new ModelRegistryException(modelId + " version " + modelVersion.path("version").asString()
                    + " has source '" + source + "', which the artifact proxy does not serve");
        }
        byte[] bytes = send(URI.create(trackingUri + ARTIFACTS + source.substring(PROXIED.length())
                + "/metadata.json")).orElseThrow(() -> new ModelRegistryException("MLflow has no metadata.json for "
                + modelId + " version " + modelVersion.path("version").asString()));
        try {
            return json.readValue(bytes, ModelVersion.class);
        } catch (JacksonException e) {
            throw new ModelRegistryException("unreadable metadata.json of " + modelId, e);
        }
    }

    /** A GET of the REST API; empty when MLflow answers 404 (an unknown model, version or alias). */
    private Optional<JsonNode> api(String pathAndQuery) {
        return send(URI.create(trackingUri + API + pathAndQuery)).map(json::readTree);
    }

    private Optional<byte[]> send(URI uri) {
        var request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() / 100 != 2) {
                throw new ModelRegistryException("MLflow answered HTTP " + response.statusCode() + " to GET " + uri);
            }
            return Optional.of(response.body());
        } catch (IOException e) {
            throw new ModelRegistryException("MLflow at " + trackingUri + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelRegistryException("interrupted while reading MLflow", e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

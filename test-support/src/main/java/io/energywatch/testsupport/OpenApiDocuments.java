package io.energywatch.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The check every service's OpenAPI test runs against its running instance: every operation of {@code /v3/api-docs}
 * has a summary, its server is relative, and the document equals its generated copy
 * {@code docs/openapi/<service>.json} (normalised: sorted keys, pretty-printed, without the {@code servers} block).
 * Run the test with {@code -Dopenapi.write=true} to write the copy instead of comparing.
 */
public final class OpenApiDocuments {

    public static final String WRITE_PROPERTY = "openapi.write";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiDocuments() {
    }

    /** Fetches the document of the service listening on {@code port} and checks it as described above. */
    public static void check(int port, String service) throws IOException, InterruptedException {
        JsonNode document = fetch("http://127.0.0.1:" + port + "/v3/api-docs");
        List<String> undocumented = withoutSummary(document);
        if (!undocumented.isEmpty()) {
            fail(service + ": operations without an @Operation summary: " + undocumented);
        }
        // service-support makes the server relative, so the gateway's Swagger UI calls the gateway, not this port.
        for (JsonNode server : document.path("servers")) {
            if (!"/".equals(server.path("url").asString(""))) {
                fail(service + ": the document's server should be \"/\", was " + server);
            }
        }
        String normalised = normalise(document);
        Path copy = repositoryRoot().resolve("docs/openapi/" + service + ".json");
        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            Files.createDirectories(copy.getParent());
            Files.writeString(copy, normalised, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(copy) ? Files.readString(copy, StandardCharsets.UTF_8) : "";
        if (!committed.equals(normalised)) {
            fail(service + "'s OpenAPI document differs from docs/openapi/" + service + ".json"
                    + (committed.isEmpty() ? " (missing)" : " (first difference at line "
                    + firstDifference(committed, normalised) + ")")
                    + ": regenerate it by running this test with -D" + WRITE_PROPERTY + "=true and commit the file");
        }
    }

    public static JsonNode fetch(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }

    /** {@code "GET /api/v1/..."} for every operation without a summary. */
    public static List<String> withoutSummary(JsonNode document) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                boolean operationWithoutSummary = METHODS.contains(operation.getKey())
                        && operation.getValue().path("summary").asString("").isBlank();
                if (operationWithoutSummary) {
                    missing.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return missing;
    }

    /** Pretty JSON with sorted keys and no {@code servers}, ending with a newline. */
    public static String normalise(JsonNode document) {
        JsonNode copy = sorted(document);
        if (copy instanceof ObjectNode object) {
            object.remove("servers");
        }
        return JSON.writeValueAsString(copy) + "\n";
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> fields = new TreeMap<>();
            node.properties().forEach(e -> fields.put(e.getKey(), sorted(e.getValue())));
            ObjectNode object = JSON.createObjectNode();
            fields.forEach(object::set);
            return object;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    private static int firstDifference(String a, String b) {
        List<String> left = a.lines().toList();
        List<String> right = b.lines().toList();
        int i = 0;
        while (i < left.size() && i < right.size() && left.get(i).equals(right.get(i))) {
            i++;
        }
        return i + 1;
    }

    /** The checkout's root: the nearest directory upwards holding the Maven wrapper and docs/. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("docs"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no checkout root (mvnw and docs/) above " + Path.of("").toAbsolutePath());
    }
}

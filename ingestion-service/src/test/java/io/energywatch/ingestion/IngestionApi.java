package io.energywatch.ingestion;

import io.energywatch.testsupport.TestTokens;
import io.energywatch.service.security.Role;

import io.energywatch.contracts.EventJson;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** A small client of the ingestion REST API for tests, over real HTTP. */
public final class IngestionApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public IngestionApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Answer(int status, JsonNode body, String location, String contentType) {
    }

    /** An answer read as text (CSV), with its headers. */
    public record TextAnswer(int status, String contentType, String body, HttpHeaders headers) {
    }

    public Answer upload(byte[] body, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingestions?" + query))
                .header("Authorization", TestTokens.bearer(Role.ADMIN))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public Answer upload(Path file, String query) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ingestions?" + query))
                .header("Authorization", TestTokens.bearer(Role.ADMIN))
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(file))
                .build());
    }

    public Answer get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build());
    }

    /** GET with an Accept header, the body kept as text: {@code text/csv} answers. */
    public TextAnswer getText(String path, String accept) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept)
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new TextAnswer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                r.headers());
    }

    public Answer postJson(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Waits until the job has finished and returns it. */
    public JsonNode awaitJob(String id, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        await("job " + id + " finished").atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = get("/api/v1/ingestions/" + id).body();
            String status = last[0].path("status").asString();
            return status.equals("SUCCEEDED") || status.equals("FAILED");
        });
        return last[0];
    }

    private Answer send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode body = r.body().isBlank() ? EventJson.MAPPER.createObjectNode() : EventJson.MAPPER.readTree(r.body());
        return new Answer(r.statusCode(), body, r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Content-Type").orElse(""));
    }
}

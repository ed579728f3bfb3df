package io.energywatch.anomaly;

import io.energywatch.testsupport.TestTokens;
import io.energywatch.service.security.Role;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The service's HTTP API as a client sees it. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param location the Location header, empty when there is none */
    public record Response(int status, String contentType, String body, String location) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final Role role;

    /** A client with an admin's token. */
    public Api(int port) {
        this("http://127.0.0.1:" + port, Role.ADMIN);
    }

    private Api(String base, Role role) {
        this.base = base;
        this.role = role;
    }

    /** The same API called with a token of another role (subject {@code test-<role>}). */
    public Api as(Role other) {
        return new Api(base, other);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).GET().build());
    }

    /** GET with an Accept header, e.g. {@code text/csv}; the answer's headers are in {@link #headers(String, String)}. */
    public Response get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).header("Accept", accept).GET().build());
    }

    /** The headers of a GET with an Accept header: the paging headers of a CSV answer. */
    public HttpHeaders headers(String path, String accept) {
        return headersOf(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).header("Accept", accept).GET().build());
    }

    public Response post(String path, String contentType, String accept, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).header("Content-Type", contentType)
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The headers of a POST: what {@code /detect} says it did with duplicates and order. */
    public HttpHeaders postHeaders(String path, String contentType, String accept, String body) {
        return headersOf(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).header("Content-Type", contentType)
                .header("Accept", accept).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpHeaders headersOf(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).headers();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response postJson(String path, String body) {
        return post(path, "application/json", "application/json", body);
    }

    public Response putJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).header("Content-Type", "application/json")
                .header("Accept", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", TestTokens.bearer(role)).DELETE().build());
    }

    private Response send(HttpRequest request) {
        try {
            var r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
                    r.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

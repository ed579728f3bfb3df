package io.energywatch.fusion;

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

/** The fusion service's HTTP API as the tests call it. */
final class FusionApi {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    FusionApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    /** An answer read as text (CSV), with its headers. */
    record TextAnswer(int status, String contentType, String body, HttpHeaders headers) {
    }

    /** GET with an Accept header, the body kept as text: {@code text/csv} answers. */
    TextAnswer getText(String path, String accept) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Accept", accept).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new TextAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", TestTokens.bearer(Role.ADMIN)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    json.readTree(response.body()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

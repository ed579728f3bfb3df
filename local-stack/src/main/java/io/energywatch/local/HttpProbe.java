package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** Health probes over HTTP that answer false, never throw, while a server is still starting. */
final class HttpProbe {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http;
    private final JsonMapper json;

    HttpProbe(HttpClient http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * True when GET {@code uri} answers a JSON object whose {@code field} is one of {@code accepted}. Any status is
     * read, since an unhealthy actuator answers 503 with {"status":"DOWN"}.
     */
    boolean fieldIsOneOf(URI uri, String field, Set<String> accepted) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(response.body());
            JsonNode value = body.get(field);
            return value != null && accepted.contains(value.asString());
        } catch (IOException | JacksonException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while probing " + uri);
        }
    }
}

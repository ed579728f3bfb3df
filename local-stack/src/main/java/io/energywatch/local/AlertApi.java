package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The anomaly service's alerting API as the demo calls it: alert rules and notifications. */
final class AlertApi {

    static final String MODULE = "anomaly-service";
    static final String RULES = "/api/v1/alert-rules";
    static final String NOTIFICATIONS = "/api/v1/notifications";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final DemoContext context;

    AlertApi(DemoContext context) {
        this.context = context;
    }

    JsonNode get(String path) {
        return send(request(path).GET().build(), 200);
    }

    JsonNode post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), 201);
    }

    void delete(String path) {
        send(request(path).DELETE().build(), 204);
    }

    private HttpRequest.Builder request(String path) {
        URI url = context.serviceUrl(MODULE).resolve(path);
        return HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    }

    private JsonNode send(HttpRequest request, int expected) {
        String what = request.method() + " " + request.uri();
        try {
            HttpResponse<String> response = context.http().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new StackException(what + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? context.json().createObjectNode() : context.json().readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new StackException(what + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted: " + what, e);
        }
    }
}

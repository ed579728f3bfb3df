package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The demo steps' calls to a service's (or Elasticsearch's) JSON API: an unexpected status or an unreadable body is a
 * {@link StackException} naming the request.
 */
final class DemoHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private DemoHttp() {
    }

    static JsonNode getJson(DemoContext context, URI url) {
        return call(context, HttpRequest.newBuilder(url).GET(), 200);
    }

    /** The answer of a GET, empty when it is 404 (nothing of that kind yet). */
    static Optional<JsonNode> findJson(DemoContext context, URI url) {
        HttpRequest request = timed(HttpRequest.newBuilder(url).GET());
        HttpResponse<String> response = send(context, request);
        return response.statusCode() == 404 ? Optional.empty() : Optional.of(read(context, request, response, 200));
    }

    static JsonNode postJson(DemoContext context, URI url, String json) {
        return call(context, HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    /** Sends {@code request} and reads its JSON answer, expecting the status; an empty body reads as {}. */
    static JsonNode call(DemoContext context, HttpRequest.Builder request, int expectedStatus) {
        HttpRequest built = timed(request);
        return read(context, built, send(context, built), expectedStatus);
    }

    private static HttpRequest timed(HttpRequest.Builder request) {
        return request.timeout(REQUEST_TIMEOUT).header("Accept", "application/json").build();
    }

    private static JsonNode read(DemoContext context, HttpRequest request, HttpResponse<String> response,
                                 int expectedStatus) {
        String what = request.method() + " " + request.uri();
        if (response.statusCode() != expectedStatus) {
            throw new StackException(what + " answered " + response.statusCode() + ": " + response.body());
        }
        if (response.body().isEmpty()) {
            return context.json().createObjectNode();
        }
        try {
            return context.json().readTree(response.body());
        } catch (JacksonException e) {
            throw new StackException(what + " answered what is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static HttpResponse<String> send(DemoContext context, HttpRequest request) {
        try {
            return context.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StackException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while calling " + request.uri(), e);
        }
    }
}

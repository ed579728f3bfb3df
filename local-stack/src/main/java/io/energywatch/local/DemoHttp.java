package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The demo steps' reads of a service's JSON API: a non-200 answer or an unreadable body is a {@link StackException}. */
final class DemoHttp {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private DemoHttp() {
    }

    static JsonNode getJson(DemoContext context, URI url) {
        try {
            HttpResponse<String> response = context.http().send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("GET " + url + " answered " + response.statusCode() + ": " + response.body());
            }
            return context.json().readTree(response.body());
        } catch (IOException | JacksonException e) {
            throw new StackException("GET " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading " + url, e);
        }
    }
}

package io.energywatch.testsupport;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * What a caller who bypasses the gateway meets at a service: every route of its OpenAPI document answers 401
 * problem+json with a {@code WWW-Authenticate: Bearer} challenge when called without a token, and so does the
 * actuator beyond health; health and the document itself stay open.
 */
public final class DirectAccess {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DirectAccess() {
    }

    /** Fails with every route that answered otherwise; returns how many routes were called. */
    public static int checkRefusedWithoutToken(int port) throws IOException, InterruptedException {
        String base = "http://127.0.0.1:" + port;
        JsonNode document = OpenApiDocuments.fetch(base + "/v3/api-docs");
        List<String> wrong = new ArrayList<>();
        int called = 0;
        for (var path : document.path("paths").properties()) {
            // Any value stands for a path variable: the token is checked before the route is.
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (var operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                called++;
                String method = operation.getKey().toUpperCase(Locale.ROOT);
                expect401(wrong, method, base + concrete);
            }
        }
        expect401(wrong, "GET", base + "/actuator/env");
        expect401(wrong, "GET", base + "/actuator/prometheus");
        var health = send("GET", base + "/actuator/health");
        // Open means answered, UP (200) or DOWN (503) as the stores are, never a challenge.
        if (health.statusCode() != 200 && health.statusCode() != 503) {
            wrong.add("GET /actuator/health answered " + health.statusCode() + " without a token, not 200 or 503");
        }
        if (called == 0) {
            fail("the OpenAPI document of port " + port + " lists no route");
        }
        if (!wrong.isEmpty()) {
            fail("without a token:\n  " + String.join("\n  ", wrong));
        }
        return called;
    }

    private static void expect401(List<String> wrong, String method, String url)
            throws IOException, InterruptedException {
        var answer = send(method, url);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String challenge = answer.headers().firstValue("WWW-Authenticate").orElse("");
        if (answer.statusCode() != 401 || !type.startsWith("application/problem+json")
                || !challenge.startsWith("Bearer")) {
            wrong.add(method + " " + URI.create(url).getPath() + " answered " + answer.statusCode() + " " + type
                    + " (WWW-Authenticate: " + challenge + ")");
        }
    }

    private static HttpResponse<String> send(String method, String url) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(url));
        request = method.equals("GET") || method.equals("DELETE") ? request.method(method,
                HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method,
                HttpRequest.BodyPublishers.ofString("{}"));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

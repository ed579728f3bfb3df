package io.energywatch.prediction.models;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JDK HTTP server answering the MLflow REST endpoints the registry adapter calls, as MLflow 2.17 documents them
 * (responses trimmed to the fields the adapter reads), keeping their state and recording every request.
 */
final class FakeMlflowServer implements AutoCloseable {

    record Request(String method, String path, String query, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final List<Request> requests = new CopyOnWriteArrayList<>();
    final Map<String, byte[]> artifacts = new HashMap<>();
    private final HttpServer server;
    private String experimentId;
    private int runs;
    private final Map<String, List<ObjectNode>> versions = new HashMap<>();
    private final Map<String, String> aliases = new HashMap<>();

    FakeMlflowServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/2.0/mlflow/", this::tracking);
        server.createContext("/api/2.0/mlflow-artifacts/artifacts/", this::artifacts);
        server.start();
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> calls() {
        return requests.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    Request last(String method, String path) {
        return requests.reversed().stream().filter(r -> r.method().equals(method) && r.path().equals(path))
                .findFirst().orElseThrow(() -> new AssertionError("no " + method + " " + path + " in " + calls()));
    }

    private synchronized void tracking(HttpExchange exchange) throws IOException {
        Request request = record(exchange);
        String endpoint = request.path().substring("/api/2.0/mlflow/".length());
        Map<String, String> query = query(request.query());
        JsonNode body = request.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(request.body());
        ObjectNode answer = JSON.createObjectNode();
        switch (request.method() + " " + endpoint) {
            case "GET experiments/get-by-name" -> {
                if (experimentId == null || !query.get("experiment_name").equals("energywatch-test")) {
                    error(exchange, 404, "RESOURCE_DOES_NOT_EXIST");
                    return;
                }
                answer.putObject("experiment").put("experiment_id", experimentId).put("name", "energywatch-test");
            }
            case "POST experiments/create" -> {
                if (experimentId != null) {
                    error(exchange, 400, "RESOURCE_ALREADY_EXISTS");
                    return;
                }
                experimentId = "7";
                answer.put("experiment_id", experimentId);
            }
            case "POST runs/create" -> answer.putObject("run").putObject("info")
                    .put("run_id", "run-" + ++runs).put("experiment_id", body.path("experiment_id").asString());
            case "POST runs/log-batch", "POST runs/update" -> { }
            case "POST registered-models/create" -> {
                String name = body.path("name").asString();
                if (versions.containsKey(name)) {
                    error(exchange, 400, "RESOURCE_ALREADY_EXISTS");
                    return;
                }
                versions.put(name, new ArrayList<>());
                answer.putObject("registered_model").put("name", name);
            }
            case "POST model-versions/create" -> {
                String name = body.path("name").asString();
                List<ObjectNode> held = versions.get(name);
                ObjectNode v = JSON.createObjectNode().put("name", name).put("version", Integer.toString(held.size() + 1))
                        .put("source", body.path("source").asString()).put("run_id", body.path("run_id").asString());
                held.add(v);
                answer.set("model_version", v);
            }
            case "GET model-versions/get" -> {
                ObjectNode v = version(query.get("name"), query.get("version"));
                if (v == null) {
                    error(exchange, 404, "RESOURCE_DOES_NOT_EXIST");
                    return;
                }
                answer.set("model_version", v);
            }
            case "GET model-versions/search" -> {
                String name = query.get("filter").replaceAll("^name='(.*)'$", "$1");
                var list = answer.putArray("model_versions");
                versions.getOrDefault(name, List.of()).forEach(list::add);
            }
            case "POST registered-models/alias" -> aliases.put(body.path("name").asString() + "@"
                    + body.path("alias").asString(), body.path("version").asString());
            case "GET registered-models/alias" -> {
                String version = aliases.get(query.get("name") + "@" + query.get("alias"));
                if (version == null) {
                    error(exchange, 404, "RESOURCE_DOES_NOT_EXIST");
                    return;
                }
                answer.set("model_version", version(query.get("name"), version));
            }
            default -> {
                error(exchange, 404, "ENDPOINT_NOT_FOUND");
                return;
            }
        }
        respond(exchange, 200, JSON.writeValueAsBytes(answer));
    }

    private synchronized void artifacts(HttpExchange exchange) throws IOException {
        Request request = record(exchange);
        String path = request.path().substring("/api/2.0/mlflow-artifacts/artifacts/".length());
        if (request.method().equals("PUT")) {
            artifacts.put(path, request.body());
            respond(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8));
        } else if (artifacts.containsKey(path)) {
            respond(exchange, 200, artifacts.get(path));
        } else {
            error(exchange, 404, "RESOURCE_DOES_NOT_EXIST");
        }
    }

    private ObjectNode version(String name, String version) {
        return versions.getOrDefault(name, List.of()).stream()
                .filter(v -> v.path("version").asString().equals(version)).findFirst().orElse(null);
    }

    private Request record(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getRawQuery(), body);
        requests.add(request);
        return request;
    }

    private static Map<String, String> query(String raw) {
        var out = new HashMap<String, String>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        respond(exchange, status, ("{\"error_code\":\"" + code + "\",\"message\":\"" + code + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (var out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

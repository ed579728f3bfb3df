package io.energywatch.local;

import io.energywatch.service.security.Role;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What the platform benches ({@code bench/run faults|pipeline|soak}) share: the running local stack's addresses, an
 * analyst's bearer client through the gateway (the way every client uploads), Elasticsearch queries, and the
 * {@code ./energywatch} commands run in this process (no build: the bench holds the build lock).
 */
final class PlatformBench {

    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(1);
    private static final Duration TOKEN_TTL = Duration.ofMinutes(10);

    final Workspace workspace;
    final PlatformConfig platform;
    final HttpClient http;
    final HttpClient api;
    final JsonMapper json;
    final LocalProcesses processes;
    final ConsumerGroups groups;
    final URI gateway;
    final URI elasticsearch;
    final String kafka;
    private final LocalTokens tokens;

    PlatformBench(Workspace workspace) {
        this.workspace = workspace;
        this.platform = PlatformConfig.load(workspace.platformFile());
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .build();
        this.tokens = LocalTokens.open(workspace, platform);
        this.api = new BearerHttpClient(http, tokens.renewing("platform-bench", Role.ANALYST, TOKEN_TTL));
        this.json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.processes = new LocalProcesses(Path.of("/proc"), workspace.dir());
        this.groups = ConsumerGroups.load(workspace);
        this.gateway = PlatformService.named("gateway").url(platform);
        this.elasticsearch = URI.create("http://" + platform.host() + ":" + platform.port("elasticsearch"));
        this.kafka = platform.host() + ":" + platform.port("kafka");
    }

    /** The checkout the bench runs in: {@code -Denergywatch.home}, as the ./energywatch script passes it. */
    static Workspace workspaceFromSystem() {
        return new Workspace(Path.of(System.getProperty("energywatch.home", System.getProperty("user.dir"))));
    }

    static void quietClientLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        }
    }

    /**
     * A viewer's token (what {@code /actuator/prometheus} asks for), renewed before it expires: a soak samples the
     * actuators for longer than one token lives.
     */
    Supplier<String> viewerToken() {
        return tokens.renewing("platform-bench-viewer", Role.VIEWER, TOKEN_TTL);
    }

    /** {@code ./energywatch up}: starts whatever is not running (servers then services) and waits until healthy. */
    boolean up(PrintStream log) {
        return new EnergyWatchCli(workspace, log, log, false).execute(new Command.Up()) == 0;
    }

    /** The pids of our processes in a role ("kafka", "fusion-service", ...). */
    List<Long> pids(String role) {
        return List.copyOf(processes.find(List.of(role)).keySet());
    }

    /**
     * Uploads a generic CSV of consumption through the gateway; answers the HTTP status, or -1 when the request did not
     * get an answer (the gateway down).
     */
    int upload(String csv, String origin, Map<String, String> mapping) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(uploadPath(origin, mapping)))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        try {
            return api.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while uploading " + origin, e);
        }
    }

    /** Where {@link StageLedger} reads this platform's stages. */
    StageLedger.Stores stores() {
        return new StageLedger.Stores(kafka, "mongodb://" + platform.host() + ":" + platform.port("mongodb"),
                platform.mongoDatabase(), elasticsearch, platform.index("enriched"), platform.index("anomalies"),
                workspace);
    }

    /** The ingestion API's path and query of a generic CSV of consumption named {@code origin}. */
    static String uploadPath(String origin, Map<String, String> mapping) {
        return "/api/v1/ingestions?kind=consumption&format=generic-csv&filename=" + encode(origin) + "&"
                + mapping.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** Uploads rows of {@link BenchReadings#csv} through the gateway: what a {@link ReadingFeed} of a bench sends. */
    int uploadReadings(String csv, String origin) {
        return upload(csv, origin, BenchReadings.MAPPING);
    }

    /** A JSON request to Elasticsearch; throws when it does not answer 200. */
    JsonNode elasticsearch(String method, String path, String body) {
        return elasticsearch(http, json, elasticsearch, method, path, body);
    }

    /** A JSON request to the Elasticsearch at {@code base}; throws when it does not answer 200. */
    static JsonNode elasticsearch(HttpClient http, JsonMapper json, URI base, String method, String path,
                                  String body) {
        URI url = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException(method + " " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new StackException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while calling Elasticsearch", e);
        }
    }

    /** The documents of {@code alias} with {@code field} equal to one of {@code values}, counted after a refresh. */
    long count(String alias, String field, List<String> values) {
        return count(http, json, elasticsearch, alias, field, values);
    }

    /** {@link #count(String, String, List)} on the Elasticsearch at {@code base}. */
    static long count(HttpClient http, JsonMapper json, URI base, String alias, String field, List<String> values) {
        new ElasticsearchRefresh(http, base).refresh(List.of(alias));
        return elasticsearch(http, json, base, "POST", "/" + alias
                + "/_count?ignore_unavailable=true&allow_no_indices=true", "{\"query\":{\"terms\":{\"" + field
                + "\":" + json.writeValueAsString(values) + "}}}").path("count").asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

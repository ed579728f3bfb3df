package io.energywatch.gateway;

import io.energywatch.service.security.Role;
import io.energywatch.testsupport.OpenApiDocuments;
import io.energywatch.testsupport.TestTokens;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's Swagger UI lists the five services' documents, and each document is fetched anonymously through the
 * gateway from its service's {@code /v3/api-docs}. Each service is played by a stand-in that answers its own document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayOpenApiTest {

    private static final List<String> SERVICES = List.of("ingestion", "fusion", "anomaly", "prediction", "drift");
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Map<String, HttpServer> STAND_INS = SERVICES.stream()
            .collect(java.util.stream.Collectors.toMap(s -> s, GatewayOpenApiTest::start));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpServer start(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.add(service + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
                byte[] answer = """
                        {"openapi": "3.1.0", "info": {"title": "EnergyWatch %s-service", "version": "1"},
                         "paths": {}}"""
                        .formatted(service).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() {
        STAND_INS.values().forEach(s -> s.stop(0));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STAND_INS.forEach((service, server) -> registry.add(service.toUpperCase(java.util.Locale.ROOT) + "_URL",
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theSwaggerUiListsEveryServiceAndItsDocumentComesThroughTheGatewayAnonymously() throws Exception {
        var config = get("/v3/api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode urls = JSON.readTree(config.body()).path("urls");
        // springdoc lists them by name; each name points at its route.
        var listed = new java.util.HashMap<String, String>();
        urls.forEach(u -> listed.put(u.path("name").asString(), u.path("url").asString()));
        var expected = new java.util.HashMap<String, String>();
        SERVICES.forEach(s -> expected.put(s + "-service", "/v3/api-docs/" + s + "-service"));
        // The gateway's own document (kpi, system) comes first.
        expected.put("gateway", "/v3/api-docs");
        assertThat(listed).isEqualTo(expected);
        assertThat(JSON.readTree(config.body()).path("urls.primaryName").asString()).isEqualTo("gateway");

        for (String service : SERVICES) {
            RECEIVED.clear();
            var document = get("/v3/api-docs/" + service + "-service");
            assertThat(document.statusCode()).as(service).isEqualTo(200);
            assertThat(JSON.readTree(document.body()).at("/info/title").asString())
                    .isEqualTo("EnergyWatch " + service + "-service");
            assertThat(RECEIVED).singleElement().isEqualTo(service + " GET /v3/api-docs");
        }

        var ui = get("/swagger-ui/index.html");
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
        assertThat(get("/swagger-ui.html").statusCode()).isEqualTo(302);
    }

    /**
     * The gateway's own endpoints are documented and {@code docs/openapi/gateway.json} is current (run with
     * {@code -Dopenapi.write=true} to regenerate it).
     */
    @Test
    void theGatewaysOwnDocumentListsKpiAndSystemAndItsGeneratedCopyIsCurrent() throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        JsonNode document = OpenApiDocuments.fetch("http://127.0.0.1:" + port + "/v3/api-docs");
        assertThat(document.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/kpi", "/api/v1/system",
                "/api/v1/feed/anomalies");
        OpenApiDocuments.check(port, "gateway");
    }

    @Test
    void theDocumentationIsOpenButTheApiStillNeedsAToken() throws Exception {
        assertThat(get("/api/v1/anomalies").statusCode()).isEqualTo(401);
        assertThat(get("/v3/api-docs/unknown-service").statusCode()).isNotEqualTo(200);
    }

    /** Every documented path prefix reaches its service, so the UI's "Try it out" works for every route. */
    @Test
    void theDocumentedRoutesOutsideTheServicesFirstPrefixesAreRoutedToo() throws Exception {
        for (var route : Map.of("/api/v1/alert-rules", "anomaly", "/api/v1/notifications/stats", "anomaly",
                "/api/v1/forecasts/issuance", "prediction").entrySet()) {
            RECEIVED.clear();
            assertThat(get(route.getKey(), Role.VIEWER).statusCode()).as(route.getKey()).isEqualTo(200);
            assertThat(RECEIVED).singleElement().isEqualTo(route.getValue() + " GET " + route.getKey());
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    private HttpResponse<String> get(String path, Role role) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (role != null) {
            request.header("Authorization", TestTokens.bearer(role));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

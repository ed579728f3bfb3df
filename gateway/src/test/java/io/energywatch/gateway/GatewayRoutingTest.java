package io.energywatch.gateway;

import io.energywatch.service.security.Role;
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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through the gateway reach the owning service, with the caller's token, only when it carries a role allowed
 * for them; health stays open. The services are played by a local HTTP server that records what it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayRoutingTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVICES = start();

    private static HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                URI uri = exchange.getRequestURI();
                // The caller's token travels on to the service, which checks it again.
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                RECEIVED.add(exchange.getRequestMethod() + " " + uri.getPath()
                        + (uri.getQuery() == null ? "" : "?" + uri.getQuery()) + " "
                        + new String(body, StandardCharsets.UTF_8)
                        + (authorization == null ? "" : " " + authorization.substring(0, 6)));
                byte[] answer = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200, answer.length);
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
        SERVICES.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        StandInRoutes.allTo(registry, () -> url);
    }

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aViewerReadsThroughTheGatewayAndACallerWithoutAValidTokenIsRefused() throws Exception {
        var anonymous = send("GET", "/api/v1/enriched?series=electricity:FR:odre:PT30M", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        RECEIVED.clear();
        var read = send("GET", "/api/v1/enriched?series=electricity:FR:odre:PT30M", Role.VIEWER, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"served\":true}");
        assertThat(RECEIVED).singleElement().asString()
                .startsWith("GET /api/v1/enriched?series=electricity:FR:odre:PT30M");

        var forged = sendWithToken("GET", "/api/v1/anomalies",
                TestTokens.token("test-viewer", Role.VIEWER).replaceFirst("\\.[^.]+$", ".bm90LWEtc2lnbmF0dXJl"));
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void uploadsNeedTheAnalystRoleAndReachIngestionWithTheirBodyAndTheCallersToken() throws Exception {
        assertThat(send("POST", "/api/v1/ingestions?kind=weather", Role.OPERATOR, "region,day").statusCode())
                .isEqualTo(403);
        RECEIVED.clear();
        var upload = send("POST", "/api/v1/ingestions?kind=weather", Role.ANALYST, "region,day\nBretagne,2019/01/01");
        assertThat(upload.statusCode()).isEqualTo(202);
        assertThat(RECEIVED).singleElement().asString()
                .isEqualTo("POST /api/v1/ingestions?kind=weather region,day\nBretagne,2019/01/01 Bearer");
    }

    @Test
    void simulationsAreForAnalystsRulesForAdminsAndHealthIsOpen() throws Exception {
        assertThat(send("POST", "/api/v1/simulations", Role.OPERATOR, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/simulations", Role.ANALYST, "{}").statusCode()).isEqualTo(202);
        assertThat(send("POST", "/api/v1/alert-rules", Role.ANALYST, "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/alert-rules", Role.ADMIN, "{}").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, Role role, String body) throws Exception {
        return sendWithToken(method, path, role == null ? null : TestTokens.token("test-" + role.claimValue(), role),
                body);
    }

    private HttpResponse<String> sendWithToken(String method, String path, String token) throws Exception {
        return sendWithToken(method, path, token, null);
    }

    private HttpResponse<String> sendWithToken(String method, String path, String token, String body)
            throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            b.header("Content-Type", "text/plain");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

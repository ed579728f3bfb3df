package io.energywatch.gateway;

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
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests through the gateway reach the owning service only when authenticated with a role allowed for them; health
 * stays open. The services are played by a local HTTP server that records what it receives.
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
                RECEIVED.add(exchange.getRequestMethod() + " " + uri.getPath()
                        + (uri.getQuery() == null ? "" : "?" + uri.getQuery()) + " "
                        + new String(body, StandardCharsets.UTF_8));
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
        for (String service : new String[] {"INGESTION", "FUSION", "ANOMALY", "PREDICTION", "DRIFT"}) {
            registry.add(service + "_URL", () -> url);
        }
    }

    @Autowired
    Environment environment;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAuthenticatedOperatorReadsThroughTheGatewayAndAnAnonymousCallerIsRefused() throws Exception {
        var anonymous = send("GET", "/api/v1/enriched?series=electricity:FR:odre:PT30M", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);

        RECEIVED.clear();
        var read = send("GET", "/api/v1/enriched?series=electricity:FR:odre:PT30M", "operator", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo("{\"served\":true}");
        assertThat(RECEIVED).singleElement().asString()
                .startsWith("GET /api/v1/enriched?series=electricity:FR:odre:PT30M");

        assertThat(send("GET", "/api/v1/anomalies", "wrong", null).statusCode()).isEqualTo(401);
    }

    @Test
    void uploadsNeedTheIngestorRoleAndReachIngestionWithTheirBody() throws Exception {
        assertThat(send("POST", "/api/v1/ingestions?kind=weather", "operator", "region,day").statusCode())
                .isEqualTo(403);
        RECEIVED.clear();
        var upload = send("POST", "/api/v1/ingestions?kind=weather", "ingestor", "region,day\nBretagne,2019/01/01");
        assertThat(upload.statusCode()).isEqualTo(202);
        assertThat(RECEIVED).singleElement().asString()
                .isEqualTo("POST /api/v1/ingestions?kind=weather region,day\nBretagne,2019/01/01");
    }

    @Test
    void trainingAndSimulationsAreForAdminsAndHealthIsOpen() throws Exception {
        assertThat(send("POST", "/api/v1/simulations", "ingestor", "{}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/predictions/backtests", "admin", "{}").statusCode()).isEqualTo(202);
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> send(String method, String path, String user, String body) throws Exception {
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            String password = user.equals("wrong") ? "nope" : user + "-local";
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ((user.equals("wrong") ? "operator" : user) + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (body != null) {
            b.header("Content-Type", "text/plain");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.energywatch.gateway;

import com.nimbusds.jwt.JWTClaimsSet;
import io.energywatch.service.security.ApiAccess;
import io.energywatch.service.security.LocalTokenIssuer;
import io.energywatch.service.security.Role;
import io.energywatch.testsupport.TestTokens;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's security suite: tokens that must be refused (401 with {@code WWW-Authenticate: Bearer}), every role
 * against every rule of {@link ApiAccess#RULES} (so a new rule is tested as soon as it is written), path tricks sent
 * byte for byte on a socket, body limits, the rate limit, CORS and the response headers. Every error answer must be
 * problem+json. The services are one local HTTP server that records what reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "energywatch.gateway.cors.allowed-origins=https://console.example.org")
@ActiveProfiles("local")
class SecuritySuiteTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVICES = StandInRoutes.recording(RECEIVED::add);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The gateway's route prefixes (application.yml): a concrete path under one reaches a service. */
    private static final List<String> ROUTED = List.of("/api/v1/ingestions", "/api/v1/simulations", "/api/v1/pollers",
            "/api/v1/enriched", "/api/v1/series", "/api/v1/anomalies", "/api/v1/clusters", "/api/v1/alert-rules",
            "/api/v1/notifications", "/api/v1/predictions", "/api/v1/forecasts", "/api/v1/drift");

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

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    // ---- tokens ----

    @Test
    void refusedTokensAnswer401WithABearerChallengeAndReachNoService() throws Exception {
        Instant now = Instant.now();
        LocalTokenIssuer issuer = TestTokens.issuer();
        LocalTokenIssuer stranger = new LocalTokenIssuer(LocalTokenIssuer.generateKeys(), TestTokens.ISSUER,
                TestTokens.AUDIENCE);
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", issuer.sign(claims(now.minus(Duration.ofHours(2))).expirationTime(
                Date.from(now.minus(Duration.ofHours(1)))).build()));
        tokens.put("wrong issuer", issuer.sign(claims(now).issuer("someone-else").build()));
        tokens.put("wrong signature", stranger.mint("intruder", List.of(Role.ADMIN), Duration.ofHours(1), now));
        tokens.put("wrong audience", issuer.sign(claims(now).audience("another-api").build()));
        tokens.put("no exp", issuer.sign(claims(now).expirationTime(null).build()));
        tokens.put("not a JWT", "not-a-token");

        var anonymous = send("GET", "/api/v1/anomalies", null, null);
        assertProblem(anonymous, 401, "no token");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        for (var token : tokens.entrySet()) {
            var refused = send("GET", "/api/v1/anomalies", "Bearer " + token.getValue(), null);
            assertProblem(refused, 401, token.getKey());
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(token.getKey()).get().asString()
                    .startsWith("Bearer").contains("invalid_token");
        }
        assertThat(RECEIVED).isEmpty();
    }

    // ---- roles against route classes ----

    /** Every rule of ApiAccess, with every role: allowed roles reach the service (or the gateway's own answer). */
    @Test
    void everyRoleAgainstEveryRuleOfTheRouteTableIsAllowedOrForbiddenAsTheTableSays() throws Exception {
        List<String> checked = new ArrayList<>();
        for (ApiAccess.Rule rule : ApiAccess.RULES) {
            String method = rule.method() == null ? "DELETE" : rule.method().name();
            String path = concrete(rule.pattern());
            assertThat(firstRuleFor(method, path)).as("%s %s should be decided by %s", method, path, rule)
                    .isEqualTo(rule);
            boolean routed = ROUTED.stream().anyMatch(path::startsWith);
            for (Role role : Role.values()) {
                RECEIVED.clear();
                var answer = send(method, path, TestTokens.bearer(role),
                        method.equals("POST") || method.equals("PUT") ? "{}" : null);
                String what = role + " " + method + " " + path;
                boolean allowed = role.ordinal() >= rule.role().ordinal();
                if (!allowed) {
                    assertProblem(answer, 403, what);
                    assertThat(RECEIVED).as(what).isEmpty();
                } else if (routed) {
                    assertThat(answer.statusCode()).as(what).isBetween(200, 299);
                    assertThat(RECEIVED).as(what).singleElement().asString().startsWith(method + " " + path);
                } else if (answer.statusCode() / 100 != 2) {
                    // The gateway's own paths (the actuator): only health, info and prometheus exist.
                    assertProblem(answer, 404, what);
                }
                checked.add(what + " -> " + answer.statusCode());
            }
        }
        assertThat(checked).hasSize(ApiAccess.RULES.size() * Role.values().length);
    }

    @Test
    void theGatewaysOwnErrorsAreProblems() throws Exception {
        assertProblem(send("GET", "/api/v1/no-such-route", TestTokens.bearer(Role.VIEWER), null), 404, "no route");
        assertProblem(send("POST", "/api/v1/kpi", TestTokens.bearer(Role.ADMIN), "{}"), 405, "POST on a GET");
        assertProblem(send("GET", "/actuator/env", TestTokens.bearer(Role.ADMIN), null), 404, "actuator env");
        assertProblem(send("GET", "/actuator/beans", TestTokens.bearer(Role.ADMIN), null), 404, "actuator beans");
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/info", null, null).statusCode()).isEqualTo(200);
        assertThat(RECEIVED).isEmpty();
    }

    // ---- path tricks, byte for byte ----

    @Test
    void pathTricksNeverReachTheActuatorOrAServiceAndAreAnsweredAsProblems() throws Exception {
        String admin = TestTokens.bearer(Role.ADMIN);
        Map<String, Integer> tricks = new LinkedHashMap<>();
        tricks.put("/api/v1/../actuator/env", 400);
        tricks.put("/api/v1/anomalies/../../../actuator/env", 400);
        tricks.put("/api/v1/%2e%2e/%2e%2e/actuator/env", 400);
        tricks.put("/api/v1/anomalies%2F..%2F..%2F..%2Factuator%2Fenv", 400);
        tricks.put("/api%2Fv1%2Fanomalies", 400);
        tricks.put("//api/v1/anomalies", 400);
        tricks.put("/api/v1//anomalies", 400);
        tricks.put("/api/v1/anomalies;jsessionid=0123456789", 400);
        tricks.put("/api/v1/anomalies/%3B/x", 400);
        tricks.put("/API/v1/anomalies", 404);
        tricks.put("/Api/V1/Alert-Rules", 404);
        tricks.put("/api/v1/anomalies|x", 400);
        tricks.put("/api/v1/anomalies%00", 400);
        for (var trick : tricks.entrySet()) {
            RawAnswer answer = raw("GET", trick.getKey(), admin);
            assertThat(answer.status()).as(trick.getKey()).isEqualTo(trick.getValue());
            assertThat(answer.contentType()).as(trick.getKey()).startsWith(PROBLEM_JSON);
        }
        // A viewer cannot reach the admins' routes by changing case either.
        RawAnswer upperCase = raw("POST", "/API/V1/ALERT-RULES", TestTokens.bearer(Role.VIEWER));
        assertThat(upperCase.status()).isIn(403, 404);
        assertThat(upperCase.contentType()).startsWith(PROBLEM_JSON);
        assertThat(RECEIVED).isEmpty();
    }

    // ---- body limits ----

    @Test
    void anOversizeBodyIsA413ProblemNamingTheLimitWhetherDeclaredOrStreamed() throws Exception {
        byte[] big = new byte[1_500_000];
        java.util.Arrays.fill(big, (byte) ' ');
        var declared = http.send(HttpRequest.newBuilder(uri("/api/v1/alert-rules"))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(declared, 413, "declared");
        assertThat(JSON.readTree(declared.body()).path("detail").asString()).contains("1 MB");
        assertThat(JSON.readTree(declared.body()).path("limit").asLong()).isEqualTo(1024 * 1024);

        // No Content-Length: counted while it streams to the service, which never gets a complete request.
        var streamed = http.send(HttpRequest.newBuilder(uri("/api/v1/alert-rules"))
                .header("Authorization", TestTokens.bearer(Role.ADMIN)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(streamed, 413, "streamed");

        // Uploads are a route class of their own: a file far larger than the national 2012-2022 file (17 MB) passes,
        // whole, to the ingestion service. 400 MB is more than half this JVM's heap (-Xmx768m): a gateway that held
        // the body in memory (let alone copied it once) would fail with an OutOfMemoryError.
        RECEIVED.clear();
        long size = 400L * 1024 * 1024;
        var upload = http.send(HttpRequest.newBuilder(uri("/api/v1/ingestions?kind=consumption"))
                .header("Authorization", TestTokens.bearer(Role.ANALYST)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatedBytes(size))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(202);
        assertThat(RECEIVED).singleElement().isEqualTo("POST /api/v1/ingestions " + size);
    }

    // ---- rate limit ----

    @Test
    void aBurstOf300RequestsFromOneClientIsLimitedWithRetryAfterAndAnotherClientIsNot() throws Exception {
        String burst = "Bearer " + TestTokens.token("burst-client", Role.VIEWER);
        int allowed = 0;
        int limited = 0;
        for (int i = 0; i < 300; i++) {
            var answer = send("GET", "/api/v1/anomalies", burst, null);
            HttpHeaders headers = answer.headers();
            assertThat(headers.firstValue("RateLimit-Limit")).as("request %d", i).hasValue("200");
            assertThat(headers.firstValue("RateLimit-Remaining")).as("request %d", i).isPresent();
            assertThat(headers.firstValue("RateLimit-Reset")).as("request %d", i).isPresent();
            if (answer.statusCode() == 200) {
                allowed++;
                continue;
            }
            assertProblem(answer, 429, "request " + i);
            assertThat(Long.parseLong(headers.firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(headers.firstValue("RateLimit-Remaining")).hasValue("0");
            assertThat(Long.parseLong(headers.firstValue("RateLimit-Reset").orElseThrow())).isPositive();
            limited++;
        }
        assertThat(limited).as("limited").isPositive();
        assertThat(allowed).as("allowed").isGreaterThanOrEqualTo(200);
        assertThat(RECEIVED).hasSize(allowed);

        var calm = send("GET", "/api/v1/anomalies", "Bearer " + TestTokens.token("calm-client", Role.VIEWER), null);
        assertThat(calm.statusCode()).isEqualTo(200);
        assertThat(calm.headers().firstValue("RateLimit-Remaining")).hasValue("199");
    }

    // ---- CORS and headers ----

    @Test
    void onlyTheConsolesOriginMayCallFromABrowserAndEveryAnswerCarriesTheSecurityHeaders() throws Exception {
        var preflight = http.send(HttpRequest.newBuilder(uri("/api/v1/anomalies"))
                .header("Origin", "https://console.example.org").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://console.example.org");

        var foreign = http.send(HttpRequest.newBuilder(uri("/api/v1/anomalies"))
                .header("Origin", "https://evil.example.com").header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertProblem(foreign, 403, "foreign origin");
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        for (var answer : List.of(send("GET", "/api/v1/anomalies", TestTokens.bearer(Role.VIEWER), null),
                send("GET", "/api/v1/anomalies", null, null))) {
            HttpHeaders headers = answer.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    // ---- helpers ----

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE).subject("someone")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("roles", List.of("admin"));
    }

    /** A path the pattern matches: wildcards become a segment; the catch-all of /api goes to a routed service. */
    private static String concrete(String pattern) {
        if (pattern.equals("/api/**")) {
            return "/api/v1/anomalies/x1";
        }
        return pattern.replace("**", "x1").replace("*", "x1");
    }

    private static ApiAccess.Rule firstRuleFor(String method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return ApiAccess.RULES.stream()
                .filter(r -> r.method() == null || r.method().equals(HttpMethod.valueOf(method)))
                .filter(r -> PathPatternParser.defaultInstance.parse(r.pattern()).matches(container))
                .findFirst().orElseThrow();
    }

    private static void assertProblem(HttpResponse<String> answer, int status, String what) throws Exception {
        assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).as(what).get().asString().startsWith(PROBLEM_JSON);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(body.path("type").asString()).as(what).startsWith("https://energywatch.io/problems/");
        assertThat(body.path("detail").asString()).as(what).isNotBlank();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record RawAnswer(int status, String contentType, String body) {
    }

    /** The request line exactly as written: no client library normalises or re-encodes the path. */
    private RawAnswer raw(String method, String path, String authorization) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + authorization
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            String contentType = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-type:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("");
            return new RawAnswer(status, contentType, response.substring(head.length()));
        }
    }

    /** {@code size} bytes of CSV-looking text, generated as they are read (the test holds no copy). */
    private static final class RepeatedBytes extends InputStream {

        private static final byte[] LINE = "2019-01-01T00:00:00Z,12345.6\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        RepeatedBytes(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? LINE[(int) (position++ % LINE.length)] : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = LINE[(int) (position++ % LINE.length)];
            }
            return n;
        }
    }
}

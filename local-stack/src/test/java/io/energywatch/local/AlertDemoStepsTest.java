package io.energywatch.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert set-up and notifications steps against a stand-in for the anomaly service's alerting API (JDK HTTP
 * server): the set-up replaces an earlier demo rule and creates the two rules; once a signed webhook call and an
 * e-mail reached the sinks, the notifications step prints them and is DONE, and it closes the sinks.
 */
class AlertDemoStepsTest {

    private static final String SECRET = "demo-steps-secret";

    @TempDir
    Path checkout;

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void answer(HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void theRulesAreCreatedAndTheNotificationsThatArrivedArePrinted() throws Exception {
        int anomalyPort = freePort();
        int smtpPort = freePort();
        Path platformFile = checkout.resolve(PlatformConfig.LOCATION);
        Files.createDirectories(platformFile.getParent());
        Files.writeString(platformFile, """
                energywatch:
                  ports:
                    anomaly: %d
                    gateway: %d
                    smtp: %d
                    webhook-sink: %d
                  local:
                    host: 127.0.0.1
                    webhook-sink-secret: %s
                  stores:
                    mongo-database: energywatch
                """.formatted(anomalyPort, anomalyPort, smtpPort, freePort(), SECRET));
        Path serviceYaml = checkout.resolve("anomaly-service/src/main/resources/application.yml");
        Files.createDirectories(serviceYaml.getParent());
        Files.writeString(serviceYaml, """
                energywatch:
                  anomaly:
                    notifications:
                      anomaly-group-id: alerts-anomalies
                      drift-group-id: alerts-drift
                """);

        List<String> requests = new CopyOnWriteArrayList<>();
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", anomalyPort), 0);
        service.createContext("/api/v1/alert-rules", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + body);
            switch (exchange.getRequestMethod()) {
                case "GET" -> answer(exchange, 200,
                        "{\"content\": [{\"id\": \"old\", \"name\": \"demo: high anomalies\"},"
                                + " {\"id\": \"mine\", \"name\": \"night shift\"}]}");
                case "DELETE" -> answer(exchange, 204, "");
                default -> answer(exchange, 201, "{\"id\": \"new\", \"name\": \"x\", \"kind\": \"ANOMALY\","
                        + " \"throttle\": \"PT30M\"}");
            }
        });
        service.createContext("/api/v1/notifications/stats", exchange -> answer(exchange, 200, """
                {"total": 3, "byChannel": {"WEBHOOK": {"SENT": 1}, "EMAIL": {"SENT": 1, "SUPPRESSED": 1}},
                 "byStatus": {"SENT": 2, "PENDING": 0, "RETRYING": 0, "DEAD": 0, "SUPPRESSED": 1}, "due": 0,
                 "held": 0}"""));
        service.start();
        var printed = new ByteArrayOutputStream();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            var platform = PlatformConfig.load(platformFile);
            List<List<String>> waitedOn = new CopyOnWriteArrayList<>();
            var drain = new PipelineDrain(groups -> {
                waitedOn.add(groups);
                return groups.stream().map(g -> GroupLag.of(g, 0)).toList();
            }, aliases -> { }, new PlatformConfig.DrainSettings(Duration.ofMillis(10), 1, Duration.ofSeconds(5)),
                    out);
            var context = new DemoContext(platform, HttpClient.newHttpClient(), JsonMapper.builder().build(),
                    module -> Optional.empty(), new DemoInput.Simulator(),
                    new ConsumerGroups("fusion", "indexer", "detector", "history", "window", "model-runs"),
                    drain, false, out,
                    role -> "token-of-" + role.claimValue());
            var sinks = new NotificationSinks(platform);

            var setup = new AlertSetupStep(sinks, context).run();
            assertThat(setup).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).startsWith("2 rules created, 1 of a previous run replaced");
            });
            assertThat(requests).anyMatch(r -> r.equals("DELETE /api/v1/alert-rules/old "))
                    .noneMatch(r -> r.startsWith("DELETE /api/v1/alert-rules/mine"));
            assertThat(requests.stream().filter(r -> r.startsWith("POST"))).hasSize(2)
                    .anyMatch(r -> r.contains("\"minSeverity\": \"HIGH\"") && r.contains(sinks.webhookUrl())
                            && r.contains("\"secretRef\": \"local-sink\""))
                    .anyMatch(r -> r.contains("\"kind\": \"DRIFT\""));

            // What the anomaly service would do: one signed webhook call, one e-mail.
            String body = "{\"kind\":\"ANOMALY\",\"ruleName\":\"demo: high anomalies\",\"subject\":\"HIGH SPIKE\"}";
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal(("1767225600." + body)
                    .getBytes(StandardCharsets.UTF_8)));
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sinks.webhookUrl()))
                    .header("X-EnergyWatch-Timestamp", "1767225600").header("X-EnergyWatch-Signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
            GreenMailUtil.sendTextEmail(AlertSetupStep.OPERATIONS, "alerts@energywatch.local", "HIGH SPIKE", "text",
                    new ServerSetup(smtpPort, "127.0.0.1", "smtp"));

            var notifications = new NotificationsStep(sinks, context).run();
            assertThat(notifications).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo("1 webhook call(s) (1 signed correctly), 1 e-mail(s); outbox: 2 sent,"
                        + " 1 suppressed by throttle, 0 dead, 0 awaiting");
            });
            assertThat(waitedOn.getLast()).containsExactly("fusion", "detector", "alerts-anomalies", "alerts-drift");
            assertThat(printed.toString(StandardCharsets.UTF_8))
                    .contains("ANOMALY demo: high anomalies: HIGH SPIKE")
                    .contains(AlertSetupStep.OPERATIONS + ": HIGH SPIKE");
            assertThat(PortCheck.isFree("127.0.0.1", platform.port("webhook-sink"))).as("sinks closed").isTrue();
            assertThat(PortCheck.isFree("127.0.0.1", smtpPort)).isTrue();
        } finally {
            service.stop(0);
        }
    }

    @Test
    void theCheckoutsAnomalyServiceNamesItsAlertGroupsPlainly() {
        var platform = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));
        assertThat(NotificationsStep.alertGroups(platform))
                .containsExactly("energywatch-anomaly-alerts", "energywatch-anomaly-drift-alerts");
        assertThat(platform.port("smtp")).isEqualTo(2525);
        assertThat(platform.port("webhook-sink")).isEqualTo(8099);
    }
}

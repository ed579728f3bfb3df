package io.energywatch.local;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's sinks on the ports and secret of a platform file: a correctly signed webhook call is accepted and
 * counted as verified, a forged one refused, and an e-mail sent over SMTP is received.
 */
class NotificationSinksTest {

    private static final String SECRET = "sink-test-secret";

    @TempDir
    Path temp;

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String sign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signedCallsAndEmailsAreReceivedAndForgedCallsRefused() throws Exception {
        int smtpPort = freePort();
        Path file = temp.resolve("energywatch-platform.yml");
        Files.writeString(file, """
                energywatch:
                  ports:
                    smtp: %d
                    webhook-sink: %d
                  local:
                    host: 127.0.0.1
                    webhook-sink-secret: %s
                  stores:
                    mongo-database: energywatch
                """.formatted(smtpPort, freePort(), SECRET));
        try (var sinks = new NotificationSinks(PlatformConfig.load(file))) {
            sinks.start();
            var http = HttpClient.newHttpClient();
            String body = "{\"kind\":\"ANOMALY\",\"ruleName\":\"demo: high anomalies\",\"subject\":\"HIGH SPIKE\"}";
            int signed = http.send(HttpRequest.newBuilder(URI.create(sinks.webhookUrl()))
                    .header("X-EnergyWatch-Timestamp", "1767225600")
                    .header("X-EnergyWatch-Signature", sign("1767225600", body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            int forged = http.send(HttpRequest.newBuilder(URI.create(sinks.webhookUrl()))
                    .header("X-EnergyWatch-Timestamp", "1767225600")
                    .header("X-EnergyWatch-Signature", sign("1767225601", body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            assertThat(signed).isEqualTo(204);
            assertThat(forged).isEqualTo(401);
            assertThat(sinks.webhookCalls()).extracting(NotificationSinks.WebhookCall::signatureValid)
                    .containsExactly(true, false);

            GreenMailUtil.sendTextEmail("operations@energywatch.local", "alerts@energywatch.local",
                    "[EnergyWatch] HIGH SPIKE", "body", new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
            assertThat(sinks.emails()).containsExactly("operations@energywatch.local: [EnergyWatch] HIGH SPIKE");
        }
    }
}

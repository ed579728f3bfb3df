package io.energywatch.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo's notification receivers, run inside the CLI process: a webhook receiver on
 * {@code energywatch.ports.webhook-sink} that checks each call's HMAC-SHA256 signature against
 * {@code energywatch.local.webhook-sink-secret} (the secret the anomaly service's local profile signs with), and
 * GreenMail as the SMTP server on {@code energywatch.ports.smtp}, where the service's local mail settings point.
 * Started by the alert set-up step, closed by the notifications step (or at JVM exit).
 */
final class NotificationSinks implements AutoCloseable {

    static final String WEBHOOK_PATH = "/hooks/energywatch";
    /** The secret's reference in the anomaly service's local profile. */
    static final String SECRET_REF = "local-sink";
    private static final String SECRET_KEY = "energywatch.local.webhook-sink-secret";

    /** One call the webhook receiver answered. */
    record WebhookCall(String body, boolean signatureValid) {
    }

    private final PlatformConfig platform;
    private final List<WebhookCall> calls = new CopyOnWriteArrayList<>();
    private HttpServer webhook;
    private GreenMail smtp;
    private String secret;
    private boolean closed;

    NotificationSinks(PlatformConfig platform) {
        this.platform = platform;
    }

    /** Starts both receivers; a port already taken is a StackException naming it. */
    synchronized void start() {
        if (webhook != null || closed) {
            return;
        }
        secret = readSecret();
        String host = platform.host();
        int webhookPort = platform.port("webhook-sink");
        int smtpPort = platform.port("smtp");
        for (int port : List.of(webhookPort, smtpPort)) {
            if (!PortCheck.isFree(host, port)) {
                throw new StackException("port " + port + " on " + host + " is taken: the demo's notification sinks"
                        + " need it (energywatch.ports.webhook-sink and smtp in " + platform.source() + ")");
            }
        }
        try {
            webhook = HttpServer.create(new InetSocketAddress(host, webhookPort), 0);
        } catch (IOException e) {
            throw new StackException("cannot start the webhook receiver on " + host + ":" + webhookPort + ": "
                    + e.getMessage(), e);
        }
        webhook.createContext(WEBHOOK_PATH, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-EnergyWatch-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-EnergyWatch-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    sign(timestamp, body).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8));
            calls.add(new WebhookCall(body, valid));
            // A receiver refuses what it cannot authenticate; the service records the 401 and retries.
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        webhook.start();
        smtp = new GreenMail(new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    /** The URL rules post to. */
    String webhookUrl() {
        return "http://" + platform.host() + ":" + platform.port("webhook-sink") + WEBHOOK_PATH;
    }

    List<WebhookCall> webhookCalls() {
        return List.copyOf(calls);
    }

    /** Subjects and recipients of the e-mails received: {@code "to: subject"}. */
    synchronized List<String> emails() {
        if (smtp == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            try {
                var to = message.getAllRecipients();
                lines.add((to == null || to.length == 0 ? "?" : to[0].toString()) + ": " + message.getSubject());
            } catch (MessagingException e) {
                lines.add("unreadable message: " + e.getMessage());
            }
        }
        return lines;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (webhook != null) {
            webhook.stop(0);
            webhook = null;
        }
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    private String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }

    private String readSecret() {
        Path file = Path.of(platform.source());
        try {
            String value = SimpleYaml.flatten(Files.readString(file), platform.source()).get(SECRET_KEY);
            if (value == null || value.isBlank()) {
                throw new StackException(SECRET_KEY + " is not set in " + platform.source());
            }
            return value;
        } catch (IOException e) {
            throw new StackException("cannot read " + platform.source() + ": " + e.getMessage(), e);
        }
    }
}

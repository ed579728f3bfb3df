package io.energywatch.anomaly.notifications;

import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on the JDK's HTTP server: checks each call's HMAC-SHA256 signature against the shared secret
 * (computed here, independently of the service's code), records the call, and answers 500 to the first
 * {@code failFirst} calls.
 */
final class WebhookReceiver implements AutoCloseable {

    record Call(String body, String timestamp, String signature, boolean signatureValid, int answered,
                String traceparent) {
    }

    private final HttpServer server;
    private final String secret;
    private final AtomicInteger failuresLeft;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret, int failFirst) throws IOException {
        this.secret = secret;
        this.failuresLeft = new AtomicInteger(failFirst);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst("X-EnergyWatch-Timestamp");
            String signature = exchange.getRequestHeaders().getFirst("X-EnergyWatch-Signature");
            boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                    expected(timestamp, body).getBytes(StandardCharsets.UTF_8),
                    signature.getBytes(StandardCharsets.UTF_8));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : valid ? 204 : 401;
            calls.add(new Call(body, timestamp, signature, valid, status,
                    exchange.getRequestHeaders().getFirst("traceparent")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    private String expected(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(
                    mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package io.energywatch.gateway;

import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Points every route of the gateway at one stand-in for all the services (the routes' *_URL variables). */
public final class StandInRoutes {

    private static final String[] SERVICES = {"INGESTION", "FUSION", "ANOMALY", "PREDICTION", "DRIFT"};

    private StandInRoutes() {
    }

    public static void allTo(DynamicPropertyRegistry registry, Supplier<Object> url) {
        for (String service : SERVICES) {
            registry.add(service + "_URL", url);
        }
    }

    /**
     * A started local server standing in for every service: it reads each request's body whole, reports the request
     * to {@code received} as {@code METHOD rawPath bytes} and answers {@code {"served":true}} (202 to a POST).
     */
    public static HttpServer recording(Consumer<String> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                long bytes = 0;
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int n; (n = body.read(buffer)) > 0; ) {
                        bytes += n;
                    }
                }
                received.accept(exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath() + " "
                        + bytes);
                byte[] answer = "{\"served\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                boolean head = exchange.getRequestMethod().equals("HEAD");
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 202 : 200,
                        head ? -1 : answer.length);
                if (!head) {
                    exchange.getResponseBody().write(answer);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

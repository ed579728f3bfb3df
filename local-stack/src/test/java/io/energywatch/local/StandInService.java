package io.energywatch.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A JDK HTTP server standing in for one service of a checkout, for the demo steps' tests: the checkout's platform file
 * gives the service and the gateway (through which the steps call) that port, and {@link #context()} is a demo context whose consumer groups are always drained and
 * whose output {@link #printed()} returns.
 */
final class StandInService implements AutoCloseable {

    private final HttpServer server;
    private final PlatformConfig platform;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    /** {@code portKey}: the service's key under energywatch.ports (drift, anomaly, ...). */
    StandInService(Path checkout, String portKey, HttpHandler handler) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path platformFile = checkout.resolve(PlatformConfig.LOCATION);
        Files.createDirectories(platformFile.getParent());
        Files.writeString(platformFile, """
                energywatch:
                  ports:
                    %s: %d
                    gateway: %d
                  local:
                    host: 127.0.0.1
                  stores:
                    mongo-database: energywatch
                """.formatted(portKey, port, port));
        platform = PlatformConfig.load(platformFile);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", handler);
        server.start();
    }

    DemoContext context() {
        return context(module -> Optional.empty());
    }

    DemoContext context(DemoStep.ServiceAvailability services) {
        var drain = new PipelineDrain(groups -> groups.stream().map(g -> GroupLag.of(g, 0)).toList(), aliases -> { },
                new PlatformConfig.DrainSettings(Duration.ofMillis(10), 1, Duration.ofSeconds(5)), out);
        return new DemoContext(platform, HttpClient.newHttpClient(), JsonMapper.builder().build(),
                services, new DemoInput.Simulator(),
                new ConsumerGroups("fusion", "indexer", "detector", "history", "window", "model-runs"),
                drain, false, out,
                role -> "token-of-" + role.claimValue());
    }

    String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Answers {@code json} with status 200. */
    static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

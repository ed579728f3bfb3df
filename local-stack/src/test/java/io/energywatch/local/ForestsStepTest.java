package io.energywatch.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The forests step against a stand-in for the anomaly service's models list: one line per group, its champion. */
class ForestsStepTest {

    @TempDir
    Path checkout;

    @Test
    void eachGroupShowsItsVersionsAndChampionWithItsWindowAndFeedbackPrecision() throws Exception {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path platformFile = checkout.resolve(PlatformConfig.LOCATION);
        Files.createDirectories(platformFile.getParent());
        Files.writeString(platformFile, """
                energywatch:
                  ports:
                    anomaly: %d
                  local:
                    host: 127.0.0.1
                  stores:
                    mongo-database: energywatch
                """.formatted(port));
        HttpServer service = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        service.createContext("/api/v1/anomalies/models", exchange -> {
            byte[] body = """
                    [{"modelId": "anomaly-forest.electricity.sim.PT30M", "version": "2", "group": "electricity:sim:PT30M",
                      "trigger": "schedule", "trainingFrom": "2024-01-18T00:00:00Z", "trainingTo": "2024-02-15T00:00:00Z",
                      "trainingRows": 17000, "contamination": 0.01, "champion": true,
                      "feedback": {"confirmed": 3, "falsePositives": 1, "precision": 0.75}},
                     {"modelId": "anomaly-forest.electricity.sim.PT30M", "version": "1", "group": "electricity:sim:PT30M",
                      "trigger": "schedule", "trainingFrom": "2024-01-11T00:00:00Z", "trainingTo": "2024-02-08T00:00:00Z",
                      "trainingRows": 12000, "contamination": 0.01, "champion": false,
                      "feedback": {"confirmed": 0, "falsePositives": 0, "precision": null}}]
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        var printed = new ByteArrayOutputStream();
        var out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        try {
            var drain = new PipelineDrain(groups -> groups.stream().map(g -> GroupLag.of(g, 0)).toList(),
                    aliases -> { }, new PlatformConfig.DrainSettings(Duration.ofMillis(10), 1, Duration.ofSeconds(5)),
                    out);
            var context = new DemoContext(PlatformConfig.load(platformFile), HttpClient.newHttpClient(),
                    JsonMapper.builder().build(), module -> Optional.empty(), new DemoInput.Simulator(),
                    new ConsumerGroups("fusion", "indexer", "detector", "history", "window"), drain, false, out);

            var result = new ForestsStep(new PipelineDrain.Dependencies(List.of("fusion", "detector"), List.of()),
                    context).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo("1 groups, 2 versions");
            });
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("electricity:sim:PT30M")
                    .contains("v2 (schedule)").contains("2024-01-18..2024-02-15").contains("17000")
                    .contains("0.75 (3/4)");
        } finally {
            service.stop(0);
        }
    }
}

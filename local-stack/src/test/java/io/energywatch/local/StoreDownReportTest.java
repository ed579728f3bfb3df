package io.energywatch.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When ingestion-service says a store is down (503 problem+json naming it) or full (507), the command says which store
 * and what to do; a job paused for a store is shown paused with its reason, and followed until it ends.
 */
class StoreDownReportTest {

    private static final String MONGODB_DOWN = """
            {"type":"https://energywatch.io/problems/store-unavailable","title":"MongoDB unavailable","status":503,
             "detail":"MongoDB unavailable: no server answered before the server selection timeout. Retry in 10 s.",
             "store":"mongodb","errors":[]}""";

    private final Deque<String[]> answers = new ArrayDeque<>();
    private final HttpServer server = start();
    private final IngestionClient client = new IngestionClient(HttpClient.newHttpClient(), JsonMapper.builder().build(),
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()));

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anUploadRefusedBecauseMongodbIsDownSaysSoAndWhatToDo() throws IOException {
        answers.add(new String[] {"503", MONGODB_DOWN});
        Path file = Files.createTempFile("upload", ".csv");
        Files.writeString(file, "a;b\n1;2\n");

        assertThatThrownBy(() -> client.upload(file, "consumption", Optional.empty()))
                .isInstanceOf(IngestionClient.StoreUnavailableException.class)
                .hasMessageContaining("HTTP 503: MongoDB unavailable")
                .hasMessageContaining("./energywatch stack status")
                .hasMessageContaining("./energywatch stack up");
    }

    @Test
    void aWriteRefusedBecauseMongodbIsFullSaysToFreeSpace() {
        answers.add(new String[] {"507", """
                {"title":"MongoDB is full","status":507,"detail":"MongoDB is full: the write was refused (store full)",
                 "store":"mongodb"}"""});

        assertThatThrownBy(() -> client.job("j1"))
                .isInstanceOf(IngestionClient.StoreUnavailableException.class)
                .hasMessageContaining("MongoDB is full").hasMessageContaining("free space on MongoDB");
    }

    @Test
    void aPausedJobIsShownPausedWithItsReasonAndFollowedToItsEnd() {
        answers.add(new String[] {"200", job("PAUSED", ",\"pause\":{\"store\":\"mongodb\",\"reason\":\"MongoDB"
                + " unavailable: no server answered before the server selection timeout\"}")});
        answers.add(new String[] {"503", MONGODB_DOWN});
        answers.add(new String[] {"200", job("SUCCEEDED", "")});
        var printed = new ByteArrayOutputStream();
        var watcher = new JobWatcher(client, new PrintStream(printed, true, StandardCharsets.UTF_8), false);

        IngestionJob finished = watcher.follow(new IngestionJob("j1", "RUNNING", "consumption", null, "upload", 0L, 0L,
                0L, 0L, 0.0, 0.0, null, null, null, null));

        assertThat(finished.status()).isEqualTo("SUCCEEDED");
        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(output).contains("job j1 is paused: MongoDB unavailable: no server answered")
                .contains("./energywatch stack up")
                .contains("HTTP 503: MongoDB unavailable")
                .doesNotContain("timed out");
    }

    private static String job(String status, String extra) {
        return "{\"id\":\"j1\",\"status\":\"" + status + "\",\"kind\":\"consumption\",\"recordsRead\":10,"
                + "\"accepted\":10,\"rejected\":0,\"duplicates\":0,\"progressPercent\":50.0,\"recordsPerSecond\":1.0"
                + extra + "}";
    }

    private HttpServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String[] answer = answers.isEmpty() ? new String[] {"500", "{}"} : answers.removeFirst();
                byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", answer[0].equals("200")
                        ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

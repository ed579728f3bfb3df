package io.energywatch.local;

import com.sun.net.httpserver.HttpExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The console step against a stand-in gateway: the page and assets without a token, the feed with a viewer's. */
class ConsoleStepTest {

    @TempDir
    Path checkout;

    @Test
    void theConsoleIsServedWithoutATokenAndTheFeedStreamsToAViewer() throws Exception {
        List<String> asked = new CopyOnWriteArrayList<>();
        try (var gateway = new StandInService(checkout, "anomaly", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            asked.add(exchange.getRequestURI().getPath() + (authorization == null ? "" : " " + authorization));
            serve(exchange, true);
        })) {
            var result = new ConsoleStep(gateway.context()).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
                assertThat(r.detail()).isEqualTo("5 files served without a token; the live feed streams to a viewer");
            });
            assertThat(asked).containsExactly("/", "/console/app.js", "/console/i18n.js", "/console/chart.js",
                    "/console/console.css", "/api/v1/feed/anomalies Bearer token-of-viewer");
            assertThat(gateway.printed()).contains("first line :connected", "text/event-stream",
                    "./energywatch token --role operator");
        }
    }

    @Test
    void anAnswerWithoutTheContentSecurityPolicyFails() throws Exception {
        try (var gateway = new StandInService(checkout, "anomaly", exchange -> serve(exchange, false))) {
            var result = new ConsoleStep(gateway.context()).run();

            assertThat(result).singleElement().satisfies(r -> {
                assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.FAILED);
                assertThat(r.detail()).contains("/console/app.js has no Content-Security-Policy");
            });
        }
    }

    private static void serve(HttpExchange exchange, boolean policy) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (policy) {
            exchange.getResponseHeaders().add("Content-Security-Policy", "default-src 'self'");
        }
        if (path.equals("/api/v1/feed/anomalies")) {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(":connected\n\n".getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            exchange.close();
            return;
        }
        byte[] body = (path.equals("/") ? "<script type=\"module\" src=\"/console/app.js\"></script>" : "x")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", path.equals("/") ? "text/html" : "text/javascript");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

package io.energywatch.local;

import io.energywatch.service.security.Role;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operator console the gateway serves at {@code /}: its page and assets answer without a token (with the
 * Content-Security-Policy), and the live anomaly feed ({@code GET /api/v1/feed/anomalies}, Server-Sent Events) opens
 * for a viewer's token and writes its first line at once. Prints where to open it.
 */
final class ConsoleStep implements DemoStep {

    static final String NAME = "console";
    private static final String GATEWAY = "gateway";
    private static final List<String> FILES = List.of("/", "/console/app.js", "/console/i18n.js",
            "/console/chart.js", "/console/console.css");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final DemoContext context;
    private final HttpClient anonymous;

    ConsoleStep(DemoContext context) {
        this.context = context;
        this.anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepResult> run() {
        var why = context.services().unavailable(GATEWAY);
        if (why.isPresent()) {
            return List.of(new StepResult(NAME, StepResult.Outcome.SKIPPED, GATEWAY, why.get()));
        }
        URI gateway = PlatformService.named(GATEWAY).url(context.platform());
        List<List<String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            for (String file : FILES) {
                HttpResponse<byte[]> answer = anonymous.send(HttpRequest.newBuilder(gateway.resolve(file))
                        .timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                String type = answer.headers().firstValue("Content-Type").orElse("-");
                rows.add(List.of("GET " + file, "-", Integer.toString(answer.statusCode()), type,
                        Integer.toString(answer.body().length)));
                if (answer.statusCode() != 200) {
                    problems.add(file + " answered " + answer.statusCode());
                } else if (answer.headers().firstValue("Content-Security-Policy").isEmpty()) {
                    problems.add(file + " has no Content-Security-Policy");
                }
                if (file.equals("/") && !new String(answer.body(), StandardCharsets.UTF_8)
                        .contains("/console/app.js")) {
                    problems.add("/ is not the console's page");
                }
            }
            String feed = firstFeedLine(gateway.resolve("/api/v1/feed/anomalies"), rows);
            if (feed == null || !feed.startsWith(":")) {
                problems.add("the live feed's first line is " + (feed == null ? "missing" : "'" + feed + "'"));
            }
        } catch (IOException | ExecutionException | TimeoutException e) {
            problems.add("no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(new StepResult(NAME, StepResult.Outcome.FAILED, GATEWAY, "interrupted"));
        }
        context.out().println(new TextTable(List.of("REQUEST", "TOKEN", "STATUS", "CONTENT TYPE", "BYTES"), rows)
                .render());
        context.out().println("Open the console at " + gateway.resolve("/") + " and paste a token: "
                + "./energywatch token --role operator");
        return List.of(problems.isEmpty()
                ? new StepResult(NAME, StepResult.Outcome.DONE, GATEWAY, FILES.size()
                        + " files served without a token; the live feed streams to a viewer")
                : new StepResult(NAME, StepResult.Outcome.FAILED, GATEWAY, String.join("; ", problems)));
    }

    /** Opens the feed with a viewer's token and reads its first line (the stream stays open: it is then closed). */
    private String firstFeedLine(URI feed, List<List<String>> rows)
            throws IOException, InterruptedException, ExecutionException, TimeoutException {
        HttpRequest request = HttpRequest.newBuilder(feed).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + context.tokens().mint(Role.VIEWER)).GET().build();
        HttpResponse<InputStream> answer = anonymous.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        try (InputStream body = answer.body()) {
            String type = answer.headers().firstValue("Content-Type").orElse("-");
            String line = null;
            if (answer.statusCode() == 200) {
                line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)).readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            rows.add(List.of("GET /api/v1/feed/anomalies", Role.VIEWER.claimValue(),
                    Integer.toString(answer.statusCode()), type, line == null ? "-" : "first line " + line));
            return line;
        }
    }
}

package io.energywatch.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ./energywatch kibana import} against a local HTTP server that reads the request as Kibana's saved-objects
 * import API does (multipart field {@code file}, {@code kbn-xsrf}, {@code overwrite=true}) and answers in its
 * documented shape: {@code {success, successCount, successResults, errors, warnings}}, an error per object whose
 * references are neither in the file nor in Kibana, and {@code {statusCode, error, message}} when it refuses a request.
 */
class KibanaImportTest {

    private static final Path COMMITTED = Path.of("..").resolve(KibanaImport.DEFAULT_FILE);
    private static final Pattern BOUNDARY = Pattern.compile("multipart/form-data; boundary=(\\S+)");
    private static final Pattern PART_HEADERS = Pattern.compile(
            "Content-Disposition: form-data; name=\"([^\"]+)\"; filename=\"([^\"]+)\"\r\nContent-Type: ([^\r]+)\r\n\r\n");

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private HttpServer kibana;
    private volatile String requiredAuthorization;

    @TempDir
    Path folder;

    /** What the fake Kibana read from one request. */
    record Received(String method, String path, String query, String xsrf, String authorization, String field,
                    String fileName, String contentType, byte[] content) {
    }

    @BeforeEach
    void startKibana() throws IOException {
        kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        kibana.createContext("/", this::answerLikeKibana);
        kibana.start();
    }

    @AfterEach
    void stopKibana() {
        kibana.stop(0);
    }

    @Test
    void importsTheCommittedFileAsOneMultipartPostWithTheXsrfHeaderAndBasicCredentials() throws IOException {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString("elastic:s3cret".getBytes());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var credentials = KibanaImport.Credentials.from(Map.of("KIBANA_USERNAME", "elastic",
                "KIBANA_PASSWORD", "s3cret"));

        int exit = new KibanaImport(HttpClient.newHttpClient(), json, credentials).run(url(), Optional.empty(),
                COMMITTED, print(out), print(err));

        long objects = Files.readAllLines(COMMITTED).stream().filter(l -> !l.contains("\"exportedCount\"")).count();
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(objects + " saved objects imported from energywatch.ndjson");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/api/saved_objects/_import");
            assertThat(r.query()).isEqualTo("overwrite=true");
            assertThat(r.xsrf()).isEqualTo("true");
            assertThat(r.authorization()).isEqualTo(requiredAuthorization);
            assertThat(r.field()).isEqualTo("file");
            assertThat(r.fileName()).isEqualTo("energywatch.ndjson");
            assertThat(r.contentType()).isEqualTo("application/ndjson");
            assertThat(r.content()).isEqualTo(Files.readAllBytes(COMMITTED));
        });
    }

    @Test
    void importsIntoANamedSpaceWithoutCredentialsWhenNoneAreSet() throws IOException {
        var out = new ByteArrayOutputStream();
        var credentials = KibanaImport.Credentials.from(Map.of("KIBANA_PASSWORD", "unused"));

        int exit = new KibanaImport(HttpClient.newHttpClient(), json, credentials)
                .run(URI.create(url() + "/"), Optional.of("grid-ops"), COMMITTED, print(out), print(out));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("into space grid-ops");
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/s/grid-ops/api/saved_objects/_import");
            assertThat(r.authorization()).isNull();
        });
    }

    @Test
    void printsEveryObjectKibanaRefusedAndExitsWithOne() throws IOException {
        Path broken = folder.resolve("broken.ndjson");
        Files.writeString(broken, """
                {"type":"index-pattern","id":"ok-view","attributes":{"title":"energywatch-anomalies"},"references":[]}
                {"type":"lens","id":"orphan-lens","attributes":{"title":"Orphan"},"references":[{"type":"index-pattern","id":"gone-view","name":"indexpattern-datasource-layer-l"}]}
                {"type":"dashboard","id":"orphan-board","attributes":{"title":"Board"},"references":[{"type":"lens","id":"gone-lens","name":"p1:panel_p1"}]}
                """);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = new KibanaImport(HttpClient.newHttpClient(), json, Optional.empty()).run(url(), Optional.empty(),
                broken, print(out), print(err));

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 saved objects imported");
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("error: lens orphan-lens \"Orphan\": missing_references index-pattern:gone-view")
                .contains("error: dashboard orphan-board \"Board\": missing_references lens:gone-lens")
                .contains("Kibana refused 2 object(s)");
    }

    @Test
    void aRequestKibanaRefusesIsReportedWithItsStatusAndMessage() {
        requiredAuthorization = "Basic something";
        var importer = new KibanaImport(HttpClient.newHttpClient(), json, Optional.empty());

        assertThatThrownBy(() -> importer.send(url(), Optional.empty(), COMMITTED))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("Kibana answered 401")
                .hasMessageContaining("Unauthorized")
                .hasMessageContaining("[security_exception]: missing authentication credentials")
                .hasMessageContaining("set KIBANA_USERNAME and KIBANA_PASSWORD");
    }

    @Test
    void aKibanaThatDoesNotAnswerIsNamed() throws IOException {
        URI nobody;
        try (var closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = URI.create("http://127.0.0.1:" + closed.getLocalPort());
        }
        var importer = new KibanaImport(HttpClient.newHttpClient(), json, Optional.empty());

        assertThatThrownBy(() -> importer.send(nobody, Optional.empty(), COMMITTED))
                .isInstanceOf(StackException.class).hasMessageContaining("Kibana at " + nobody + " did not answer");
    }

    @Test
    void theCommandTakesAUrlAndOptionallyASpaceAndAFile() {
        assertThat(CommandLine.parse(List.of("kibana", "import", "http://localhost:5601")))
                .isEqualTo(new Command.KibanaImport(URI.create("http://localhost:5601"), Optional.empty(),
                        Optional.empty()));
        assertThat(CommandLine.parse(List.of("kibana", "import", "https://kibana.example:5601", "--space", "ops",
                "--file=dashboards.ndjson")))
                .isEqualTo(new Command.KibanaImport(URI.create("https://kibana.example:5601"), Optional.of("ops"),
                        Optional.of(Path.of("dashboards.ndjson"))));
        assertThatThrownBy(() -> CommandLine.parse(List.of("kibana")))
                .hasMessage("kibana needs the subcommand import");
        assertThatThrownBy(() -> CommandLine.parse(List.of("kibana", "import")))
                .hasMessage("kibana import needs exactly one URL, got 0");
        assertThatThrownBy(() -> CommandLine.parse(List.of("kibana", "import", "localhost:5601")))
                .hasMessage("kibana import needs a URL like http://localhost:5601, not 'localhost:5601'");
        assertThatThrownBy(() -> CommandLine.parse(List.of("kibana", "import", "http://k:5601", "--space", "Ops!")))
                .hasMessageStartingWith("--space must be a Kibana space id");
        assertThat(KibanaImport.endpoint(URI.create("http://k:5601/base//"), Optional.of("ops")))
                .isEqualTo(URI.create("http://k:5601/base/s/ops/api/saved_objects/_import?overwrite=true"));
    }

    // --- the fake Kibana ---

    private void answerLikeKibana(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                respond(exchange, 401, json.createObjectNode().put("statusCode", 401).put("error", "Unauthorized")
                        .put("message", "[security_exception]: missing authentication credentials"));
                return;
            }
            if (!"true".equals(exchange.getRequestHeaders().getFirst("kbn-xsrf"))) {
                respond(exchange, 400, json.createObjectNode().put("statusCode", 400).put("error", "Bad Request")
                        .put("message", "Request must contain a kbn-xsrf header."));
                return;
            }
            Matcher boundary = BOUNDARY.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
            String text = new String(body, StandardCharsets.UTF_8);
            Matcher part = PART_HEADERS.matcher(text);
            if (!boundary.matches() || !text.startsWith("--" + boundary.group(1) + "\r\n") || !part.find()) {
                respond(exchange, 415, json.createObjectNode().put("statusCode", 415)
                        .put("error", "Unsupported Media Type").put("message", "expected a multipart file"));
                return;
            }
            String closing = "\r\n--" + boundary.group(1) + "--\r\n";
            if (!text.endsWith(closing)) {
                respond(exchange, 400, json.createObjectNode().put("statusCode", 400).put("error", "Bad Request")
                        .put("message", "the multipart body is not closed"));
                return;
            }
            String content = text.substring(part.end(), text.length() - closing.length());
            requests.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getQuery(), exchange.getRequestHeaders().getFirst("kbn-xsrf"),
                    authorization, part.group(1), part.group(2), part.group(3),
                    content.getBytes(StandardCharsets.UTF_8)));
            respond(exchange, 200, importResult(content));
        }
    }

    /** Kibana's answer to an import into an empty space: objects whose references are all in the file succeed. */
    private ObjectNode importResult(String ndjson) {
        List<JsonNode> objects = ndjson.lines().filter(l -> !l.isBlank()).map(json::readTree)
                .filter(o -> !o.has("exportedCount")).toList();
        Set<String> present = new HashSet<>();
        objects.forEach(o -> present.add(o.path("type").asString() + ":" + o.path("id").asString()));
        ObjectNode result = json.createObjectNode();
        ArrayNode successes = json.createArrayNode();
        ArrayNode errors = json.createArrayNode();
        for (JsonNode object : objects) {
            ArrayNode missing = json.createArrayNode();
            for (JsonNode reference : object.path("references")) {
                if (!present.contains(reference.path("type").asString() + ":" + reference.path("id").asString())) {
                    missing.addObject().put("type", reference.path("type").asString())
                            .put("id", reference.path("id").asString());
                }
            }
            String title = object.path("attributes").path("title").asString();
            if (missing.isEmpty()) {
                successes.addObject().put("type", object.path("type").asString()).put("id", object.path("id").asString())
                        .put("overwrite", true).putObject("meta").put("title", title);
            } else {
                var error = errors.addObject().put("id", object.path("id").asString())
                        .put("type", object.path("type").asString()).put("title", title);
                error.putObject("meta").put("title", title);
                error.putObject("error").put("type", "missing_references").set("references", missing);
            }
        }
        result.put("success", errors.isEmpty()).put("successCount", successes.size());
        result.set("successResults", successes);
        if (!errors.isEmpty()) {
            result.set("errors", errors);
        }
        result.putArray("warnings");
        return result;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + kibana.getAddress().getPort());
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}

package io.energywatch.local;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo step: the Kibana saved objects of {@code kibana/energywatch.ndjson} against the running Elasticsearch. Every
 * field a Lens visualization uses must exist, with a type its operation works on, in the live mapping of its data
 * view's alias (the union of the alias's indices), or, for an alias nothing was indexed into yet, in the index
 * template its service installed. So the dashboards an operator imports show data for what this platform wrote.
 */
final class KibanaStep implements DemoStep {

    static final String NAME = "kibana";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Path file;
    private final URI elasticsearch;
    private final HttpClient http;
    private final JsonMapper json;
    private final PrintStream out;

    /** The checkout's file ({@code energywatch.home}, as the command sets it) and the local Elasticsearch. */
    KibanaStep(DemoContext context) {
        this(Path.of(System.getProperty("energywatch.home", System.getProperty("user.dir")))
                        .resolve(KibanaImport.DEFAULT_FILE),
                URI.create("http://" + context.platform().host() + ":" + context.platform().port("elasticsearch")),
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), context.json(), context.out());
    }

    KibanaStep(Path file, URI elasticsearch, HttpClient http, JsonMapper json, PrintStream out) {
        this.file = file;
        this.elasticsearch = elasticsearch;
        this.http = http;
        this.json = json;
        this.out = out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<StepResult> run() {
        String subject = KibanaImport.DEFAULT_FILE;
        try {
            List<JsonNode> objects = read();
            var result = KibanaFieldCheck.check(objects, this::mapping);
            String counts = String.format("%d dashboards, %d data views, %d visualizations",
                    KibanaFieldCheck.ofType(objects, "dashboard").size(),
                    KibanaFieldCheck.ofType(objects, "index-pattern").size(),
                    KibanaFieldCheck.ofType(objects, "lens").size());
            out.println("Kibana objects: " + counts + "; " + result.checked()
                    + " Lens columns validated against the live mappings");
            result.unknown().forEach(alias -> out.println("  not checked: " + alias
                    + " has neither an index nor an index template yet"));
            result.problems().forEach(problem -> out.println("  does not fit: " + problem));
            if (!result.problems().isEmpty()) {
                return List.of(new StepResult(NAME, StepResult.Outcome.FAILED, subject,
                        result.problems().size() + " field(s) do not fit the live mappings, first: "
                                + result.problems().getFirst()));
            }
            String detail = counts + ", " + result.checked() + " columns validated against the live mappings"
                    + (result.unknown().isEmpty() ? "" : "; not checked (no index or template yet): "
                    + String.join(", ", result.unknown()));
            return List.of(new StepResult(NAME, StepResult.Outcome.DONE, subject, detail));
        } catch (StackException e) {
            return List.of(new StepResult(NAME, StepResult.Outcome.FAILED, subject, e.getMessage()));
        }
    }

    private List<JsonNode> read() {
        List<JsonNode> objects = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(line);
                if (!node.has("exportedCount")) {
                    objects.add(node);
                }
            }
        } catch (IOException | JacksonException e) {
            throw new StackException("cannot read the Kibana objects in " + file + ": " + e.getMessage(), e);
        }
        return objects;
    }

    /** The alias's live fields; its template's when it has no index; empty when it has neither. */
    private Optional<Map<String, String>> mapping(String alias) {
        HttpResponse<String> live = get("/" + alias + "/_mapping");
        if (live.statusCode() == 200) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (var index : json.readTree(live.body()).properties()) {
                KibanaFieldCheck.fields(index.getValue().path("mappings").path("properties"))
                        .forEach((field, type) -> fields.merge(field, type,
                                // Two indices of one alias mapping a field differently: Kibana shows it as a
                                // conflict, and the check reports the field.
                                (a, b) -> a.equals(b) ? a : "conflict(" + a + "," + b + ")"));
            }
            return Optional.of(fields);
        }
        HttpResponse<String> template = get("/_index_template/" + alias);
        if (template.statusCode() == 200) {
            for (JsonNode entry : json.readTree(template.body()).path("index_templates")) {
                return Optional.of(KibanaFieldCheck.fields(
                        entry.path("index_template").path("template").path("mappings").path("properties")));
            }
        }
        return Optional.empty();
    }

    private HttpResponse<String> get(String path) {
        URI url = elasticsearch.resolve(path);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 && response.statusCode() != 404) {
                throw new StackException("GET " + url + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response;
        } catch (IOException e) {
            throw new StackException("GET " + url + " failed (" + e + "): is Elasticsearch running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while reading " + url, e);
        }
    }
}

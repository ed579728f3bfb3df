package io.energywatch.local;

import io.energywatch.testsupport.ElasticsearchTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's kibana step reads the mappings of the running Elasticsearch: an alias's indices when it has some, the
 * template its service installed when nothing was indexed yet. Each test uses its own alias names (the committed
 * data views retitled), so it does not depend on what other tests created in the shared cluster.
 */
class KibanaStepTest {

    private static final Path COMMITTED = Path.of("..").resolve(KibanaImport.DEFAULT_FILE);
    private static final PlatformConfig PLATFORM = PlatformConfig.load(Path.of("..").resolve(PlatformConfig.LOCATION));

    private final HttpClient http = HttpClient.newHttpClient();
    private final String elasticsearch = ElasticsearchTestServer.shared().url();

    @TempDir
    Path folder;

    @Test
    void validatesEveryVisualizationAgainstLiveIndicesAndTheTemplatesOfAliasesWithoutOne() throws Exception {
        String prefix = "kstep-live-";
        for (String key : PLATFORM.indices().keySet()) {
            installTemplate(key, prefix);
        }
        // Documents only in the enriched and anomalies aliases: the five others are read from their templates.
        send("PUT", "/" + prefix + PLATFORM.index("enriched") + "-2026.01/_doc/1?refresh=true",
                "{\"seriesId\":\"electricity:FR:odre:PT30M\",\"region\":\"FR\",\"powerMw\":46458,"
                        + "\"intervalStart\":\"2026-01-01T00:00:00Z\"}", 201);
        send("PUT", "/" + prefix + PLATFORM.index("anomalies") + "-2026.01", null, 200);
        var out = new ByteArrayOutputStream();

        var results = step(retitled(prefix, Set.of()), out).run();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).as(r.detail()).isEqualTo(DemoStep.StepResult.Outcome.DONE);
            assertThat(r.detail()).startsWith("7 dashboards, 8 data views, 44 visualizations, ")
                    .contains("columns validated against the live mappings").doesNotContain("not checked");
        });
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Kibana objects: 7 dashboards, 8 data views");
    }

    @Test
    void aFieldTheLiveMappingLacksFailsTheStepAndAliasesWithoutIndexOrTemplateAreListed() throws Exception {
        String prefix = "kstep-broken-";
        installTemplate("enriched", prefix);
        send("PUT", "/" + prefix + PLATFORM.index("enriched") + "-2026.01", null, 200);
        var out = new ByteArrayOutputStream();

        var results = step(retitled(prefix, Set.of("powerMw")), out).run();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.FAILED);
            assertThat(r.detail()).contains("do not fit the live mappings")
                    .contains("on powerMwRenamed, which is not in the mapping");
        });
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("not checked: " + prefix + PLATFORM.index("drift") + " has neither an index nor an index "
                        + "template yet")
                .contains("does not fit: energywatch-lens-consumption-power-by-region y on " + prefix
                        + PLATFORM.index("enriched"));
    }

    @Test
    void aMissingFileFailsTheStepNamingIt() {
        var results = step(folder.resolve("absent.ndjson"), new ByteArrayOutputStream()).run();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DemoStep.StepResult.Outcome.FAILED);
            assertThat(r.detail()).contains("absent.ndjson");
        });
    }

    private KibanaStep step(Path file, ByteArrayOutputStream out) {
        return new KibanaStep(file, URI.create(elasticsearch), http, JsonMapper.builder().build(),
                new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** The committed file with its data views over {@code prefix}+alias, and {@code renamed} fields renamed. */
    private Path retitled(String prefix, Set<String> renamed) throws Exception {
        String text = Files.readString(COMMITTED).replace("\"title\":\"energywatch-", "\"title\":\"" + prefix
                + "energywatch-");
        for (String field : renamed) {
            text = text.replace("\"sourceField\":\"" + field + "\"", "\"sourceField\":\"" + field + "Renamed\"");
        }
        Path file = folder.resolve(prefix + "objects.ndjson");
        Files.writeString(file, text);
        return file;
    }

    private void installTemplate(String key, String prefix) throws Exception {
        Path template = KibanaSavedObjectsTest.templates().get(key);
        String alias = prefix + PLATFORM.index(key);
        send("PUT", "/_index_template/" + alias, KibanaSavedObjectsTest.asTheServiceInstallsIt(template, alias), 200);
    }

    private void send(String method, String path, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(elasticsearch + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
    }
}

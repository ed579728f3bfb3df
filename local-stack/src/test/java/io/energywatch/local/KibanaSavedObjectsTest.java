package io.energywatch.local;

import io.energywatch.testsupport.ElasticsearchTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kibana/energywatch.ndjson imports into Kibana 9.2 and every panel shows data: Kibana cannot run here, so the file is
 * checked line by line (shape, ids, references, the JSON inside strings) and every field a Lens column or filter uses
 * is looked up in the mapping the real Elasticsearch gives each alias once the services' own index templates are
 * installed from the checkout. {@code -Dkibana.regenerate=true} rewrites the file from {@link KibanaObjects} first.
 */
class KibanaSavedObjectsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path FILE = ROOT.resolve("kibana/energywatch.ndjson");
    private static final Set<String> TYPES = Set.of("index-pattern", "lens", "dashboard");
    private static final Set<String> VISUALIZATIONS = Set.of("lnsXY", "lnsMetric", "lnsDatatable", "lnsPie");
    private static final Pattern TEMPLATE = Pattern.compile("(.+)-template\\.json");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static PlatformConfig platform;
    private static List<String> lines;
    private static List<JsonNode> objects;

    @BeforeAll
    static void readFile() throws IOException {
        platform = PlatformConfig.load(ROOT.resolve(PlatformConfig.LOCATION));
        if (Boolean.getBoolean("kibana.regenerate")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, new KibanaObjects(platform.indices()).ndjson());
        }
        lines = Files.readAllLines(FILE);
        objects = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            objects.add(JSON.readTree(line));
        }
    }

    @Test
    void theCommittedFileIsWhatTheGeneratorWrites() throws IOException {
        assertThat(Files.readString(FILE))
                .as("kibana/energywatch.ndjson is generated: change KibanaObjects, then run this test with "
                        + "-Dkibana.regenerate=true")
                .isEqualTo(new KibanaObjects(platform.indices()).ndjson());
    }

    @Test
    void everyLineIsASavedObjectOfAKnownTypeWithAUniqueIdAndTheVersionsOfA92Export() {
        Set<String> ids = new HashSet<>();
        for (JsonNode object : objects) {
            String type = object.path("type").asString();
            assertThat(type).as("type of %s", object.path("id")).isIn(TYPES);
            assertThat(ids.add(object.path("id").asString())).as("id %s is unique", object.path("id")).isTrue();
            assertThat(object.path("id").asString()).startsWith(KibanaObjects.ID_PREFIX);
            assertThat(object.path("coreMigrationVersion").asString()).isEqualTo("8.8.0");
            assertThat(object.path("typeMigrationVersion").asString())
                    .isEqualTo(KibanaObjects.TYPE_MIGRATION_VERSIONS.get(type));
            assertThat(object.path("managed").isBoolean()).isTrue();
            assertThat(object.path("attributes").path("title").asString()).as("title of %s", object.path("id"))
                    .isNotBlank();
        }
        JsonNode summary = JSON.readTree(lines.getLast());
        assertThat(summary.path("exportedCount").asInt()).isEqualTo(objects.size());
        assertThat(summary.path("missingRefCount").asInt()).isZero();
        assertThat(ofType("dashboard")).hasSize(7);
    }

    @Test
    void everyReferenceResolvesWithinTheFile() {
        Set<String> present = new HashSet<>();
        objects.forEach(o -> present.add(o.path("type").asString() + ":" + o.path("id").asString()));
        Set<String> referenced = new HashSet<>();
        for (JsonNode object : objects) {
            Set<String> names = new HashSet<>();
            for (JsonNode reference : object.path("references")) {
                String target = reference.path("type").asString() + ":" + reference.path("id").asString();
                assertThat(present).as("%s references %s", object.path("id"), target).contains(target);
                assertThat(names.add(reference.path("name").asString())).as("reference names of %s are unique",
                        object.path("id")).isTrue();
                referenced.add(target);
            }
        }
        // Nothing unused: every data view and visualization is on a dashboard.
        for (JsonNode object : objects) {
            if (!object.path("type").asString().equals("dashboard")) {
                assertThat(referenced).contains(object.path("type").asString() + ":" + object.path("id").asString());
            }
        }
    }

    @Test
    void theJsonInsideStringsParses() {
        for (JsonNode dashboard : ofType("dashboard")) {
            var attributes = dashboard.path("attributes");
            assertThat(parse(attributes.path("panelsJSON")).isArray()).isTrue();
            assertThat(parse(attributes.path("optionsJSON")).isObject()).isTrue();
            var searchSource = parse(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON"));
            assertThat(searchSource.path("query").path("language").asString()).isEqualTo("kuery");
        }
        for (JsonNode view : ofType("index-pattern")) {
            for (String field : List.of("fieldAttrs", "fieldFormatMap", "fields", "runtimeFieldMap", "sourceFilters")) {
                assertThat(parse(view.path("attributes").path(field)).isContainer()).as(field).isTrue();
            }
        }
    }

    @Test
    void everyPanelAndEveryLensLayerHasItsReference() {
        Map<String, JsonNode> lenses = new LinkedHashMap<>();
        ofType("lens").forEach(lens -> lenses.put(lens.path("id").asString(), lens));
        for (JsonNode dashboard : ofType("dashboard")) {
            JsonNode panels = parse(dashboard.path("attributes").path("panelsJSON"));
            assertThat(panels.size()).isPositive();
            Set<String> indices = new HashSet<>();
            for (JsonNode panel : panels) {
                String index = panel.path("panelIndex").asString();
                assertThat(indices.add(index)).isTrue();
                assertThat(panel.path("gridData").path("i").asString()).isEqualTo(index);
                int x = panel.path("gridData").path("x").asInt();
                int w = panel.path("gridData").path("w").asInt();
                assertThat(x + w).as("panel %s of %s fits the 48-column grid", index, dashboard.path("id"))
                        .isLessThanOrEqualTo(48);
                JsonNode reference = reference(dashboard, index + ":" + panel.path("panelRefName").asString());
                assertThat(reference.path("type").asString()).isEqualTo(panel.path("type").asString());
                assertThat(lenses).containsKey(reference.path("id").asString());
            }
        }
        for (JsonNode lens : lenses.values()) {
            JsonNode attributes = lens.path("attributes");
            assertThat(attributes.path("visualizationType").asString()).isIn(VISUALIZATIONS);
            JsonNode layers = attributes.path("state").path("datasourceStates").path("formBased").path("layers");
            assertThat(layers.size()).isPositive();
            for (var layer : layers.properties()) {
                assertThat(reference(lens, KibanaFieldCheck.LAYER_REFERENCE + layer.getKey()).path("type").asString())
                        .isEqualTo("index-pattern");
                Set<String> columns = new TreeSet<>();
                layer.getValue().path("columns").properties().forEach(c -> columns.add(c.getKey()));
                Set<String> order = new TreeSet<>();
                layer.getValue().path("columnOrder").forEach(c -> order.add(c.asString()));
                assertThat(order).as("column order of %s", lens.path("id")).isEqualTo(columns);
            }
            assertVisualizationUsesItsColumns(lens, layers);
        }
    }

    @Test
    void theDataViewsAreTheAliasesOfThePlatformFile() {
        var titles = ofType("index-pattern").stream().map(v -> v.path("attributes").path("title").asString())
                .toList();

        // Every alias has a data view; one alias may have two placed in time by different fields (model runs).
        assertThat(new TreeSet<>(titles)).isEqualTo(new TreeSet<>(platform.indices().values()));
    }

    /**
     * The services' index templates, from the checkout, installed as the services install them; an index per alias;
     * then every Lens column and filter field looked up in {@code GET <alias>/_mapping}.
     */
    @Test
    void everyFieldAPanelUsesIsInTheRealMappingOfItsAliasWithACompatibleType() throws Exception {
        var elasticsearch = new Elasticsearch(ElasticsearchTestServer.shared().url());
        Map<String, Path> templates = templates();
        assertThat(templates.keySet()).as("an index template in the checkout for every alias")
                .isEqualTo(platform.indices().keySet());
        Map<String, Map<String, String>> mappings = new TreeMap<>();
        for (var template : templates.entrySet()) {
            String alias = platform.index(template.getKey());
            elasticsearch.send("PUT", "/_index_template/" + alias, asTheServiceInstallsIt(template.getValue(), alias),
                    200);
            String index = alias + "-2026.01";
            elasticsearch.deleteIfPresent("/" + index);
            elasticsearch.send("PUT", "/" + index, null, 200);
            JsonNode mapping = JSON.readTree(elasticsearch.send("GET", "/" + alias + "/_mapping", null, 200));
            assertThat(mapping.propertyNames()).as("the template attached %s to the index", alias)
                    .containsExactly(index);
            mappings.put(alias, KibanaFieldCheck.fields(mapping.path(index).path("mappings").path("properties")));
        }

        var result = KibanaFieldCheck.check(objects, alias -> Optional.ofNullable(mappings.get(alias)));

        assertThat(result.unknown()).isEmpty();
        assertThat(result.problems()).isEmpty();
        assertThat(result.checked()).isGreaterThan(90);
    }

    @Test
    void theFieldCheckRejectsAMissingFieldAWrongTypeANestedFieldAndABadFilter() {
        var fields = Map.of("region", "keyword", "powerMw", "double", "intervalStart", "date", "reason", "text",
                "strike", "boolean", "features", "nested", "features.psi", "nested:double");
        var column = JSON.createObjectNode().put("operationType", "average").put("sourceField", "powerMw")
                .put("dataType", "number");

        assertThat(KibanaFieldCheck.checkColumn("ok", column, fields)).isEmpty();
        assertThat(KibanaFieldCheck.checkColumn("missing", column.deepCopy().put("sourceField", "powerKw"), fields))
                .singleElement().asString().contains("not in the mapping");
        assertThat(KibanaFieldCheck.checkColumn("keyword", column.deepCopy().put("sourceField", "region"), fields))
                .hasSize(1);
        assertThat(KibanaFieldCheck.checkColumn("histogram", column.deepCopy().put("operationType", "date_histogram"),
                fields)).hasSize(1);
        assertThat(KibanaFieldCheck.checkColumn("terms on text", column.deepCopy().put("operationType", "terms")
                .put("sourceField", "reason").put("dataType", "string"), fields)).hasSize(1);
        assertThat(KibanaFieldCheck.checkColumn("nested", column.deepCopy().put("sourceField", "features.psi"), fields))
                .singleElement().asString().contains("nested");
        assertThat(KibanaFieldCheck.checkKql("filter", "strike : true and region : \"FR\"", fields)).isEmpty();
        assertThat(KibanaFieldCheck.checkKql("filter", "strike : \"yes\"", fields)).hasSize(1);
        assertThat(KibanaFieldCheck.checkKql("filter", "weekend : true", fields)).hasSize(1);
        assertThat(KibanaFieldCheck.checkKql("filter", "region : FR", fields)).hasSize(1);
    }

    // --- the services' templates ---

    /** {@code <key>-template.json} under any module's {@code src/main/resources/elasticsearch}, by key. */
    static Map<String, Path> templates() throws IOException {
        Map<String, Path> templates = new TreeMap<>();
        try (var modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path folder = module.resolve("src/main/resources/elasticsearch");
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                try (var files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Matcher name = TEMPLATE.matcher(file.getFileName().toString());
                        if (name.matches()) {
                            assertThat(templates.put(name.group(1), file)).as("one template for " + name.group(1))
                                    .isNull();
                        }
                    }
                }
            }
        }
        return templates;
    }

    /**
     * The template body as the service puts it: fusion, anomaly and drift replace {@code ${alias}}, {@code ${shards}}
     * and {@code ${replicas}} (IndexSchema, AnomalyIndex, ReportIndex); prediction replaces {@code ALIAS}
     * (IndexTemplates). Shards and replicas do not change a mapping; the services' local values are used.
     */
    static String asTheServiceInstallsIt(Path template, String alias) throws IOException {
        return Files.readString(template).replace("${alias}", alias).replace("${shards}", "1")
                .replace("${replicas}", "0").replace("ALIAS", alias);
    }

    // --- helpers ---

    private static void assertVisualizationUsesItsColumns(JsonNode lens, JsonNode layers) {
        Set<String> columnIds = new HashSet<>();
        for (var layer : layers.properties()) {
            layer.getValue().path("columns").properties().forEach(c -> columnIds.add(c.getKey()));
        }
        JsonNode visualization = lens.path("attributes").path("state").path("visualization");
        Set<String> used = new HashSet<>();
        collectAccessors(visualization, used);
        assertThat(used).as("accessors of %s", lens.path("id")).isNotEmpty();
        assertThat(columnIds).as("accessors of %s are columns", lens.path("id")).containsAll(used);
        if (visualization.has("layerId")) {
            assertThat(layers.has(visualization.path("layerId").asString())).isTrue();
        }
        for (JsonNode layer : visualization.path("layers")) {
            assertThat(layers.has(layer.path("layerId").asString())).isTrue();
        }
    }

    private static void collectAccessors(JsonNode node, Set<String> into) {
        for (var property : node.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            if (name.endsWith("Accessor") || name.equals("columnId") || name.equals("forAccessor")) {
                into.add(value.asString());
            } else if (name.equals("accessors") || name.equals("primaryGroups") || name.equals("metrics")) {
                value.forEach(v -> into.add(v.asString()));
            } else if (value.isObject()) {
                collectAccessors(value, into);
            } else if (value.isArray()) {
                value.forEach(v -> collectAccessors(v, into));
            }
        }
    }

    private static JsonNode reference(JsonNode object, String name) {
        return KibanaFieldCheck.reference(object, name).orElseThrow(
                () -> new AssertionError(object.path("id").asString() + " has no reference named " + name));
    }

    private static List<JsonNode> ofType(String type) {
        return KibanaFieldCheck.ofType(objects, type);
    }

    private static JsonNode parse(JsonNode stringified) {
        assertThat(stringified.isString()).as("a JSON string: %s", stringified).isTrue();
        return JSON.readTree(stringified.asString());
    }

    /** The few Elasticsearch calls of this test over plain HTTP. */
    private record Elasticsearch(String url, HttpClient http) {
        Elasticsearch(String url) {
            this(url, HttpClient.newHttpClient());
        }

        String send(String method, String path, String body, int expected) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(expected);
            return response.body();
        }

        void deleteIfPresent(String path) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(url + path)).DELETE().build();
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            assertThat(status).as("DELETE %s", path).isIn(200, 404);
        }
    }
}

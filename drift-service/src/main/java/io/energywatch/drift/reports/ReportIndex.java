package io.energywatch.drift.reports;

import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.drift.config.DriftProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Elasticsearch copy of reports: monthly indices {@code <alias>-yyyy.MM} (by creation month, UTC) behind the alias,
 * from an index template installed before the first document, so no report is indexed with a dynamic mapping. A
 * document's id is the report's, so indexing again overwrites it.
 */
@Component
public class ReportIndex {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private final Rest5Client client;
    private final DriftProperties.Indices indices;
    private final JsonMapper json;
    private final AtomicBoolean templateInstalled = new AtomicBoolean();

    @Autowired
    ReportIndex(Rest5Client client, DriftProperties properties, JsonMapper json) {
        this(client, properties.indices(), json);
    }

    ReportIndex(Rest5Client client, DriftProperties.Indices indices, JsonMapper json) {
        this.client = client;
        this.indices = indices;
        this.json = json;
    }

    /** Indexes a report; throws while Elasticsearch does not accept it. */
    public void index(DriftReport report) throws IOException {
        ensureTemplate();
        var request = new Request("PUT", "/" + indexOf(report) + "/_doc/" + report.id());
        request.setJsonEntity(json.writeValueAsString(report.withIndexed()));
        client.performRequest(request);
    }

    String indexOf(DriftReport report) {
        return indices.drift() + "-" + MONTH.format(report.createdAt());
    }

    private void ensureTemplate() throws IOException {
        if (templateInstalled.get()) {
            return;
        }
        var request = new Request("PUT", "/_index_template/" + indices.drift());
        request.setJsonEntity(template(indices.drift(), indices.shards(), indices.replicas()));
        client.performRequest(request);
        templateInstalled.set(true);
    }

    static String template(String alias, int shards, int replicas) {
        try (InputStream in = ReportIndex.class.getClassLoader()
                .getResourceAsStream("elasticsearch/drift-template.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource elasticsearch/drift-template.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${alias}", alias)
                    .replace("${shards}", Integer.toString(shards)).replace("${replicas}", Integer.toString(replicas));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

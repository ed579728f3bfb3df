package io.energywatch.anomaly.alerts;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.energywatch.anomaly.config.AnomalyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Anomalies in Elasticsearch: alias {@code energywatch-anomalies} over monthly indices ({@code <alias>-yyyy.MM} by the
 * UTC month of the interval start, so an anomaly always lands in the same index), with an index template holding the
 * explicit mapping. Documents are created with the anomaly id, so a redelivered anomaly is a 409 that changes nothing.
 */
@Component
public class AnomalyIndex {

    private static final Logger log = LoggerFactory.getLogger(AnomalyIndex.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final Rest5Client rest;
    private final AnomalyProperties.Indices indices;
    private final AtomicBoolean templateInstalled = new AtomicBoolean();

    AnomalyIndex(ElasticsearchClient client, Rest5Client rest, AnomalyProperties properties) {
        this.client = client;
        this.rest = rest;
        this.indices = properties.indices();
    }

    public String alias() {
        return indices.anomalies();
    }

    String indexOf(Instant intervalStart) {
        return indices.anomalies() + "-" + MONTH.format(intervalStart);
    }

    @EventListener(ApplicationReadyEvent.class)
    void installInBackground() {
        Thread.ofVirtual().name("anomaly-index-template").start(() -> {
            try {
                ensureTemplate();
            } catch (IOException | RuntimeException e) {
                log.warn("Anomaly index template not installed yet ({}); it is installed before the first bulk",
                        e.toString());
            }
        });
    }

    /** Puts the index template unless done already; throws while Elasticsearch does not accept it. */
    public void ensureTemplate() throws IOException {
        if (templateInstalled.get()) {
            return;
        }
        Request request = new Request("PUT", "/_index_template/" + indices.anomalies());
        request.setJsonEntity(template());
        rest.performRequest(request);
        templateInstalled.set(true);
    }

    private String template() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("elasticsearch/anomalies-template.json")) {
            if (in == null) {
                throw new IllegalStateException("missing resource elasticsearch/anomalies-template.json");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${alias}", indices.anomalies())
                    .replace("${shards}", Integer.toString(indices.shards()))
                    .replace("${replicas}", Integer.toString(indices.replicas()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the documents not indexed yet; throws when any other failure than "already there" is reported. */
    public void createIfAbsent(List<AnomalyDocument> documents) throws IOException {
        if (documents.isEmpty()) {
            return;
        }
        ensureTemplate();
        var bulk = new BulkRequest.Builder();
        for (AnomalyDocument d : documents) {
            bulk.operations(op -> op.create(c -> c.index(indexOf(d.intervalStart())).id(d.anomalyId()).document(d)));
        }
        var response = client.bulk(bulk.build());
        if (response.errors()) {
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null && item.status() != CONFLICT) {
                    throw new IOException("anomaly " + item.id() + " not indexed: " + item.error().reason());
                }
            }
        }
    }

    /**
     * Copies a status change to the indexed document (a partial update: no script needed). A verdict may come before
     * the indexer has created the document (it is in MongoDB first): then the whole judged document is indexed, and
     * the indexer's later create finds it there and leaves it.
     */
    void updateStatus(AnomalyDocument d) throws IOException {
        ensureTemplate();
        client.update(u -> u.index(indexOf(d.intervalStart())).id(d.anomalyId())
                        .doc(Map.of("status", d.status().name(), "statusChangedAt", d.statusChangedAt().toString(),
                                "statusChangedBy", d.statusChangedBy()))
                        .upsert(d),
                AnomalyDocument.class);
    }
}

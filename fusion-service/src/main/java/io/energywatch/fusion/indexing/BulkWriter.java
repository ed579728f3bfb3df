package io.energywatch.fusion.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.energywatch.fusion.config.FusionProperties;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk-indexes documents by id (so a second write of a record overwrites it), retrying the items Elasticsearch refused
 * for a transient reason (429, 5xx) with exponential backoff. Items refused for good (a 4xx such as a mapping conflict)
 * are returned to the caller; transient failures that outlast the retries, and transport errors, are thrown so that the
 * caller does not acknowledge the batch.
 */
@Component
class BulkWriter {

    private final ElasticsearchClient client;
    private final FusionProperties.Indexing settings;

    BulkWriter(ElasticsearchClient client, FusionProperties properties) {
        this.client = client;
        this.settings = properties.indexing();
    }

    /** A document for one index under one id. */
    record Write(String index, String id, Object document) {
    }

    /** A write Elasticsearch refused for good, with its reason. */
    record Refused(Write write, int status, String reason) {
    }

    List<Refused> write(List<Write> writes) throws IOException {
        Map<String, Write> pending = new LinkedHashMap<>();
        for (Write w : writes) {
            pending.put(w.index() + "/" + w.id(), w);
        }
        List<Refused> refused = new ArrayList<>();
        Duration backoff = settings.initialBackoff();
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt > 0) {
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), settings.maxBackoff());
            }
            Map<String, Write> sent = pending;
            BulkResponse response = client.bulk(bulk(sent.values()));
            Map<String, Write> transientFailures = new LinkedHashMap<>();
            for (BulkResponseItem item : response.items()) {
                String key = item.index() + "/" + item.id();
                Write write = sent.get(key);
                if (item.error() == null || write == null) {
                    continue;
                }
                if (transientStatus(item.status())) {
                    transientFailures.put(key, write);
                } else {
                    refused.add(new Refused(write, item.status(), item.error().type() + ": " + item.error().reason()));
                }
            }
            if (!transientFailures.isEmpty() && attempt >= settings.bulkRetries()) {
                throw new IOException(transientFailures.size() + " documents still refused after "
                        + settings.bulkRetries() + " retries, e.g. " + transientFailures.keySet().iterator().next());
            }
            pending = transientFailures;
        }
        return refused;
    }

    private static BulkRequest bulk(Iterable<Write> writes) {
        var request = new BulkRequest.Builder();
        for (Write w : writes) {
            request.operations(BulkOperation.of(op -> op.index(i -> i.index(w.index()).id(w.id()).document(w.document()))));
        }
        return request.build();
    }

    private static boolean transientStatus(int status) {
        return status == 429 || status >= 500;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void pause(Duration backoff) throws IOException {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while backing off", e);
        }
    }
}

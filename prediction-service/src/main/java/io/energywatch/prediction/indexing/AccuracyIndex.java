package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.energywatch.prediction.issuance.AccuracyRecord;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Realised accuracy records in Elasticsearch for dashboards: an alias over monthly indices (by target day), documents
 * identified by the record id, so indexing a record again overwrites it.
 */
public class AccuracyIndex {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean templateInstalled;

    public AccuracyIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Indexes the records; throws when Elasticsearch refused any, so the caller tries them again later. */
    public void index(List<AccuracyRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        if (!templateInstalled) {
            IndexTemplates.put(client, "forecast-accuracy-template.json", alias);
            templateInstalled = true;
        }
        BulkResponse response = client.bulk(b -> {
            for (AccuracyRecord r : records) {
                b.operations(BulkOperation.of(op -> op.index(i -> i.index(alias + "-" + r.targetDate().format(MONTH))
                        .id(r.id()).document(r))));
            }
            return b;
        });
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("Elasticsearch refused accuracy record " + first.id() + ": "
                    + first.error().reason());
        }
    }
}

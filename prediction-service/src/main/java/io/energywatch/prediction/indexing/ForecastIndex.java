package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.energywatch.contracts.ConsumptionForecast;

import java.io.IOException;




import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Forecast steps in Elasticsearch for dashboards: an alias over monthly indices (by target day) with an explicit
 * mapping, documents identified by the event id, so a redelivered step overwrites itself and a re-issued forecast (new
 * issue time) is a new document beside the old one.
 */
public class ForecastIndex {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final ElasticsearchClient client;
    private final String alias;
    private volatile boolean templateInstalled;

    public ForecastIndex(ElasticsearchClient client, String alias) {
        this.client = client;
        this.alias = alias;
    }

    /** Indexes the steps; throws when Elasticsearch refused any, so the caller retries the batch. */
    public void index(List<ConsumptionForecast> steps) throws IOException {
        if (steps.isEmpty()) {
            return;
        }
        installTemplate();
        BulkResponse response = client.bulk(b -> {
            for (ConsumptionForecast f : steps) {
                b.operations(BulkOperation.of(op -> op.index(i -> i.index(alias + "-" + f.targetDate().format(MONTH))
                        .id(f.eventId()).document(f))));
            }
            return b;
        });
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("Elasticsearch refused forecast " + first.id() + ": " + first.error().reason());
        }
    }

    private void installTemplate() throws IOException {
        if (templateInstalled) {
            return;
        }
        IndexTemplates.put(client, "forecasts-template.json", alias);
        templateInstalled = true;
    }
}

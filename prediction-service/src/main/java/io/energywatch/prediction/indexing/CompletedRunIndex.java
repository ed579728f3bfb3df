package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.energywatch.contracts.ModelRunCompleted;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service's model runs ({@code ModelRunCompleted}) in the model-runs index beside the forecaster versions: one
 * document per run, its id the event id, so a redelivered run overwrites itself. Run documents are those with a
 * {@code kind}; the monthly index is the month of the run's start (local time), like the report's months.
 */
public class CompletedRunIndex {

    /** The field only run documents have: the report's filter. */
    public static final String RUN_FIELD = "kind";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final ElasticsearchClient client;
    private final String alias;
    private final ZoneId zone;
    private volatile boolean templateInstalled;

    public CompletedRunIndex(ElasticsearchClient client, String alias, ZoneId zone) {
        this.client = client;
        this.alias = alias;
        this.zone = zone;
    }

    /** Indexes {@code runs}; throws when Elasticsearch refused any, so the batch is delivered again. */
    public void index(List<ModelRunCompleted> runs) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        installTemplate();
        BulkResponse response = client.bulk(b -> {
            for (ModelRunCompleted run : runs) {
                Map<String, Object> doc = document(run);
                b.operations(BulkOperation.of(op -> op.index(i -> i
                        .index(alias + "-" + run.startedAt().atZone(zone).format(MONTH))
                        .id(run.eventId()).document(doc))));
            }
            return b;
        });
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("Elasticsearch refused model run " + first.id() + ": " + first.error().reason());
        }
    }

    static Map<String, Object> document(ModelRunCompleted run) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("runId", run.runId());
        doc.put("service", run.service());
        doc.put("modelId", run.modelId());
        if (run.modelVersion() != null) {
            doc.put("modelVersion", run.modelVersion());
        }
        doc.put(RUN_FIELD, run.kind().name());
        doc.put("startedAt", run.startedAt().toString());
        doc.put("endedAt", run.endedAt().toString());
        doc.put("durationSeconds", run.durationSeconds());
        doc.put("cpuSeconds", run.cpuSeconds());
        doc.put("peakHeapBytes", run.peakHeapBytes());
        doc.put("rows", run.rows());
        doc.put("status", run.status().name());
        if (run.errorType() != null) {
            doc.put("errorType", run.errorType());
        }
        if (run.errorMessage() != null) {
            doc.put("errorMessage", run.errorMessage());
        }
        doc.put("cpuEnergyKwh", run.cpuEnergyKwh());
        doc.put("ramEnergyKwh", run.ramEnergyKwh());
        doc.put("energyKwh", run.energyKwh());
        doc.put("co2Grams", run.co2Grams());
        doc.put("carbonIntensityGPerKwh", run.carbonIntensityGPerKwh());
        doc.put("pue", run.pue());
        doc.put("method", run.method());
        return doc;
    }

    private void installTemplate() throws IOException {
        if (templateInstalled) {
            return;
        }
        IndexTemplates.putWithExistingIndices(client, "model-runs-template.json", alias);
        templateInstalled = true;
    }
}

package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.analytics.registry.ModelVersion;
import io.energywatch.contracts.ModelLifecycleChanged;
import io.energywatch.contracts.ModelLifecycleChanged.ModelKind;
import io.energywatch.contracts.ModelLifecycleChanged.Stage;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.models.TrainingTrigger;
import java.io.IOException;




import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forecaster training runs in Elasticsearch for dashboards: one document per model version behind an alias over
 * monthly indices (by the last trained day), with an explicit mapping. The document id is the model id and version, and
 * each lifecycle event of the version updates it in place: TRAINED writes the run (window, parameters, validation
 * metrics, trigger), PROMOTED or REJECTED the verdict with the promotion backtest's scores, RETIRED the end of its
 * reign. A redelivered event writes the same fields again.
 */
public class ModelRunIndex {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");

    private final ElasticsearchClient client;
    private final ModelRegistry registry;
    private final String alias;
    private final ZoneId zone;
    private volatile boolean templateInstalled;

    public ModelRunIndex(ElasticsearchClient client, ModelRegistry registry, String alias, ZoneId zone) {
        this.client = client;
        this.registry = registry;
        this.alias = alias;
        this.zone = zone;
    }

    /** The run document's id: one per model version. */
    public static String runId(String modelId, String version) {
        return modelId + "@" + version;
    }

    /** Indexes the forecaster events among {@code events}; throws when Elasticsearch refused any. */
    public void index(List<ModelLifecycleChanged> events) throws IOException {
        var forecasters = events.stream().filter(e -> e.kind() == ModelKind.FORECASTER).toList();
        if (forecasters.isEmpty()) {
            return;
        }
        installTemplate();
        BulkResponse response = client.bulk(b -> {
            for (ModelLifecycleChanged e : forecasters) {
                Map<String, Object> doc = document(e, registry.get(e.modelId(), e.version()));
                b.operations(BulkOperation.of(op -> op.update(u -> u.index(index(e))
                        .id(runId(e.modelId(), e.version()))
                        .action(a -> a.doc(doc).docAsUpsert(true)))));
            }
            return b;
        });
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("Elasticsearch refused model run " + first.id() + ": " + first.error().reason());
        }
    }

    /** Every event of a version goes to the same monthly index: the month of its last trained instant. */
    private String index(ModelLifecycleChanged e) {
        Instant end = e.trainingTo() != null ? e.trainingTo().minusMillis(1) : e.changedAt();
        return alias + "-" + end.atZone(zone).format(MONTH);
    }

    /** The fields this event knows of the run, with the registered version's when the registry still holds it. */
    static Map<String, Object> document(ModelLifecycleChanged e, Optional<ModelVersion> registered) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("runId", runId(e.modelId(), e.version()));
        doc.put("modelId", e.modelId());
        doc.put("modelVersion", e.version());
        doc.put("seriesId", e.scope());
        doc.put("algorithm", e.algorithm());
        if (e.trainingFrom() != null) {
            doc.put("trainingFrom", e.trainingFrom().toString());
        }
        if (e.trainingTo() != null) {
            doc.put("trainingTo", e.trainingTo().toString());
        }
        Map<String, Double> metrics = new LinkedHashMap<>(e.metrics());
        registered.ifPresent(v -> {
            Map<String, String> p = v.parameters();
            doc.put("trainingRows", v.trainingWindow().rows());
            doc.put("trainedAt", v.registeredAt().toString());
            doc.put("parameters", p);
            integer(p.get("horizon_days")).ifPresent(h -> doc.put("horizonDays", h));
            Optional.ofNullable(p.get(TrainingTrigger.PARAMETER)).ifPresent(t -> doc.put("trigger", t));
            Optional.ofNullable(p.get("features")).ifPresent(f -> doc.put("features", split(f)));
            Optional.ofNullable(p.get("candidates")).ifPresent(c -> doc.put("candidates", split(c)));
            Optional.ofNullable(p.get("seed")).ifPresent(s -> doc.put("seed", Long.parseLong(s)));
            v.trainingMetrics().forEach(metrics::putIfAbsent);
        });
        var validation = new LinkedHashMap<String, Object>();
        putFinite(validation, "mapePercent", metrics.get("validation_mape_percent"));
        putFinite(validation, "smapePercent", metrics.get("validation_smape_percent"));
        putFinite(validation, "maeMwh", metrics.get("validation_mae_mwh"));
        putFinite(validation, "rmseMwh", metrics.get("validation_rmse_mwh"));
        putFinite(validation, "r2", metrics.get("validation_r2"));
        if (!validation.isEmpty()) {
            doc.put("validation", validation);
        }
        var candidates = new ArrayList<Map<String, Object>>();
        String prefix = "validation_mape_percent.";
        metrics.forEach((k, v) -> {
            if (k.startsWith(prefix) && Double.isFinite(v)) {
                candidates.add(Map.of("algorithm", k.substring(prefix.length()), "mapePercent", v));
            }
        });
        if (!candidates.isEmpty()) {
            doc.put("candidateValidation", candidates);
        }
        putFinite(doc, "interval80HalfWidthMwh", metrics.get("interval80_half_width_mwh"));
        putFinite(doc, "interval95HalfWidthMwh", metrics.get("interval95_half_width_mwh"));
        doc.put("stage", e.stage().name());
        doc.put("updatedAt", e.changedAt().toString());
        switch (e.stage()) {
            case TRAINED -> {
                doc.put("champion", false);
                doc.put("reason", e.reason());
                doc.putIfAbsent("trainedAt", e.changedAt().toString());
            }
            case PROMOTED, REJECTED -> {
                doc.put("champion", e.stage() == Stage.PROMOTED);
                doc.put("verdict", e.reason());
                doc.put("decidedAt", e.changedAt().toString());
                var backtest = new LinkedHashMap<String, Object>();
                putFinite(backtest, "challengerMapePercent",
                        e.metrics().get(ForecasterTrainer.PROMOTION_CHALLENGER_MAPE));
                putFinite(backtest, "championMapePercent", e.metrics().get(ForecasterTrainer.PROMOTION_CHAMPION_MAPE));
                if (!backtest.isEmpty()) {
                    doc.put("backtest", backtest);
                }
            }
            case RETIRED -> {
                doc.put("champion", false);
                doc.put("retiredAt", e.changedAt().toString());
            }
        }
        return doc;
    }

    private static void putFinite(Map<String, Object> doc, String field, Double value) {
        if (value != null && Double.isFinite(value)) {
            doc.put(field, value);
        }
    }

    private static Optional<Integer> integer(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String> split(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }

    private void installTemplate() throws IOException {
        if (templateInstalled) {
            return;
        }
        IndexTemplates.put(client, "model-runs-template.json", alias);
        templateInstalled = true;
    }
}

package io.energywatch.prediction.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.energywatch.contracts.ModelRunCompleted;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every service's model runs ({@code ModelRunCompleted}) in the model-runs index beside the forecaster versions: one
 * document per run, its id the event id, so a redelivered run overwrites itself. Run documents are those with a
 * {@code kind}; the monthly index is the month of the run's start (local time), like the report's months.
 *
 * <p>Each run is priced with the grid's measured intensity of the hour it started in when the platform has it
 * ({@link GridIntensities}), else with the intensity its service's meter used (the country's default): the document says
 * which in {@value #INTENSITY_SOURCE}. Intensities that arrive after the runs of their hour were indexed re-price them.
 */
public class CompletedRunIndex {

    /** The field only run documents have: the report's filter. */
    public static final String RUN_FIELD = "kind";
    /** Where a run's carbon intensity came from: {@link #MEASURED} or {@link #COUNTRY_DEFAULT}. */
    public static final String INTENSITY_SOURCE = "intensitySource";
    public static final String MEASURED = "measured";
    public static final String COUNTRY_DEFAULT = "country-default";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy.MM");
    /** Runs read per page when re-pricing an hour's runs. */
    private static final int PAGE = 1_000;

    private final ElasticsearchClient client;
    private final String alias;
    private final ZoneId zone;
    private final GridIntensities intensities;
    private final String gridArea;
    private volatile boolean templateInstalled;

    /**
     * @param gridArea the area whose grid intensity prices the runs (FR: the services run in France)
     */
    public CompletedRunIndex(ElasticsearchClient client, String alias, ZoneId zone, GridIntensities intensities,
                             String gridArea) {
        this.client = client;
        this.alias = alias;
        this.zone = zone;
        this.intensities = intensities;
        this.gridArea = gridArea;
    }

    /** Indexes {@code runs}; throws when Elasticsearch refused any, so the batch is delivered again. */
    public void index(List<ModelRunCompleted> runs) throws IOException {
        if (runs.isEmpty()) {
            return;
        }
        installTemplate();
        Map<Instant, Double> measured = intensities.of(gridArea, runs.stream().map(r -> hour(r.startedAt())).toList());
        BulkResponse response = client.bulk(b -> {
            for (ModelRunCompleted run : runs) {
                Map<String, Object> doc = document(run, measured.get(hour(run.startedAt())));
                b.operations(BulkOperation.of(op -> op.index(i -> i
                        .index(alias + "-" + run.startedAt().atZone(zone).format(MONTH))
                        .id(run.eventId()).document(doc))));
            }
            return b;
        });
        failOnErrors(response);
    }

    /**
     * Prices again, with their hour's measured intensity, the runs of {@link #gridArea} already indexed that started in
     * {@code hours}; throws when Elasticsearch refused any, so the intensities are delivered again.
     */
    public void reprice(Map<Instant, Double> hours) throws IOException {
        if (hours.isEmpty()) {
            return;
        }
        installTemplate();
        List<FieldValue> after = null;
        do {
            List<FieldValue> from = after;
            var page = client.search(s -> {
                s.index(alias).ignoreUnavailable(true).allowNoIndices(true).size(PAGE)
                        .source(src -> src.filter(f -> f.includes("startedAt", "energyKwh")))
                        .query(inHours(hours.keySet()))
                        .sort(o -> o.field(f -> f.field("startedAt").order(SortOrder.Asc)))
                        .sort(o -> o.field(f -> f.field("runId").order(SortOrder.Asc)));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, RunEnergy.class);
            List<Hit<RunEnergy>> hits = page.hits().hits();
            if (hits.isEmpty()) {
                break;
            }
            List<BulkOperation> updates = new ArrayList<>(hits.size());
            for (Hit<RunEnergy> hit : hits) {
                RunEnergy run = hit.source();
                Double g = run == null ? null : hours.get(hour(Instant.parse(run.startedAt())));
                if (g != null) {
                    Map<String, Object> priced = priced(run.energyKwh(), g);
                    updates.add(BulkOperation.of(op -> op.update(u -> u.index(hit.index()).id(hit.id())
                            .action(a -> a.doc(priced)))));
                }
            }
            if (!updates.isEmpty()) {
                failOnErrors(client.bulk(b -> b.operations(updates)));
            }
            after = hits.size() < PAGE ? null : hits.getLast().sort();
        } while (after != null);
    }

    static Map<String, Object> document(ModelRunCompleted run, @Nullable Double measuredGPerKwh) {
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
        // What the service's meter used, kept when the measured intensity replaces it.
        doc.put("meterIntensityGPerKwh", run.carbonIntensityGPerKwh());
        if (measuredGPerKwh != null) {
            doc.putAll(priced(run.energyKwh(), measuredGPerKwh));
        } else {
            doc.put("co2Grams", run.co2Grams());
            doc.put("carbonIntensityGPerKwh", run.carbonIntensityGPerKwh());
            doc.put(INTENSITY_SOURCE, COUNTRY_DEFAULT);
        }
        doc.put("pue", run.pue());
        doc.put("method", run.method());
        return doc;
    }

    /** The fields a measured intensity sets: the run's energy (PUE included) times the hour's intensity. */
    private static Map<String, Object> priced(double energyKwh, double gPerKwh) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("co2Grams", energyKwh * gPerKwh);
        fields.put("carbonIntensityGPerKwh", gPerKwh);
        fields.put(INTENSITY_SOURCE, MEASURED);
        return fields;
    }

    /** The hour a run is priced at: the one it started in (runs last seconds to minutes). */
    static Instant hour(Instant startedAt) {
        return startedAt.truncatedTo(ChronoUnit.HOURS);
    }

    private static Query inHours(Iterable<Instant> hours) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.exists(e -> e.field(RUN_FIELD)));
            for (Instant h : hours) {
                b.should(s -> s.range(r -> r.date(d -> d.field("startedAt").gte(h.toString())
                        .lt(h.plus(1, ChronoUnit.HOURS).toString()))));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    private static void failOnErrors(BulkResponse response) throws IOException {
        if (response.errors()) {
            var first = response.items().stream().filter(i -> i.error() != null).findFirst().orElseThrow();
            throw new IOException("Elasticsearch refused model run " + first.id() + ": " + first.error().reason());
        }
    }

    private void installTemplate() throws IOException {
        if (templateInstalled) {
            return;
        }
        IndexTemplates.putWithExistingIndices(client, "model-runs-template.json", alias);
        templateInstalled = true;
    }

    /** What re-pricing reads of a run document. */
    record RunEnergy(String startedAt, double energyKwh) {
    }
}

package io.energywatch.prediction.carbon;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.energywatch.prediction.carbon.CarbonReport.GroupBy;
import io.energywatch.prediction.indexing.CompletedRunIndex;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreUnavailableException;
import io.energywatch.service.web.TimeWindow;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carbon report over the run documents of the model-runs index: Elasticsearch sums the figures per group (terms on
 * model or service, a daily histogram in local days), so a month of scoring batches is never loaded.
 */
public class CarbonReports {

    private static final String GROUPS = "groups";
    private static final String METHODS = "methods";
    private static final String SOURCES = "intensitySources";
    private static final String FAILED = "failed";
    private static final List<String> SUMMED = List.of("rows", "durationSeconds", "cpuSeconds", "cpuEnergyKwh",
            "ramEnergyKwh", "energyKwh", "co2Grams");

    private final ElasticsearchClient client;
    private final String alias;
    private final ZoneId zone;
    private final int maxGroups;

    public CarbonReports(ElasticsearchClient client, String alias, ZoneId zone, int maxGroups) {
        this.client = client;
        this.alias = alias;
        this.zone = zone;
        this.maxGroups = maxGroups;
    }

    public CarbonReport report(TimeWindow window, GroupBy groupBy) {
        Aggregation.Builder.ContainerBuilder groups = switch (groupBy) {
            case MODEL, SERVICE -> new Aggregation.Builder().terms(t -> t.field(groupBy.field()).size(maxGroups));
            case DAY -> new Aggregation.Builder().dateHistogram(h -> h.field(groupBy.field())
                    .calendarInterval(CalendarInterval.Day).timeZone(zone.getId()).format("yyyy-MM-dd")
                    .minDocCount(1));
        };
        figures().forEach(groups::aggregations);
        Aggregation groupAggregation = groups.build();
        SearchResponse<Void> response;
        try {
            response = client.search(s -> {
                s.index(alias).size(0).ignoreUnavailable(true).allowNoIndices(true).trackTotalHits(t -> t.enabled(true))
                        .query(query(window))
                        .aggregations(GROUPS, groupAggregation);
                figures().forEach(s::aggregations);
                return s;
            }, Void.class);
        } catch (IOException e) {
            throw StoreUnavailableException.of(Store.ELASTICSEARCH, e);
        }
        Map<String, Aggregate> top = response.aggregations();
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        CarbonFigures totals = figures(total, top);
        List<CarbonGroup> rows = new ArrayList<>();
        Aggregate grouped = top.get(GROUPS);
        if (grouped != null && grouped.isSterms()) {
            grouped.sterms().buckets().array().forEach(b -> rows.add(new CarbonGroup(b.key().stringValue(),
                    figures(b.docCount(), b.aggregations()), keys(b.aggregations(), METHODS),
                    keys(b.aggregations(), SOURCES))));
            rows.sort(Comparator.comparingDouble((CarbonGroup g) -> g.figures().co2Grams()).reversed()
                    .thenComparing(CarbonGroup::key));
        } else if (grouped != null && grouped.isDateHistogram()) {
            grouped.dateHistogram().buckets().array().forEach(b -> rows.add(new CarbonGroup(b.keyAsString(),
                    figures(b.docCount(), b.aggregations()), keys(b.aggregations(), METHODS),
                    keys(b.aggregations(), SOURCES))));
        }
        return new CarbonReport(window.from(), window.to(), groupBy, totals, counts(top, METHODS), counts(top, SOURCES),
                rows);
    }

    private Query query(TimeWindow window) {
        return Query.of(q -> q.bool(b -> {
            b.filter(f -> f.exists(e -> e.field(CompletedRunIndex.RUN_FIELD)));
            if (window.from() != null || window.to() != null) {
                b.filter(f -> f.range(r -> r.date(d -> {
                    d.field("startedAt");
                    if (window.from() != null) {
                        d.gte(window.from().toString());
                    }
                    if (window.to() != null) {
                        d.lt(window.to().toString());
                    }
                    return d;
                })));
            }
            return b;
        }));
    }

    /** The sub-aggregations of every group and of the totals. */
    private static Map<String, Aggregation> figures() {
        Map<String, Aggregation> aggs = new LinkedHashMap<>();
        SUMMED.forEach(field -> aggs.put(field, Aggregation.of(a -> a.sum(s -> s.field(field)))));
        aggs.put(FAILED, Aggregation.of(a -> a.filter(f -> f.term(t -> t.field("status")
                .value(FieldValue.of("FAILED"))))));
        aggs.put(METHODS, Aggregation.of(a -> a.terms(t -> t.field("method").size(10))));
        // Runs indexed before intensities were recorded were all priced with their meter's default.
        aggs.put(SOURCES, Aggregation.of(a -> a.terms(t -> t.field(CompletedRunIndex.INTENSITY_SOURCE).size(10)
                .missing(FieldValue.of(CompletedRunIndex.COUNTRY_DEFAULT)))));
        return aggs;
    }

    private static CarbonFigures figures(long runs, Map<String, Aggregate> a) {
        return new CarbonFigures(runs, a.get(FAILED).filter().docCount(), Math.round(sum(a, "rows")),
                sum(a, "durationSeconds"), sum(a, "cpuSeconds"), sum(a, "cpuEnergyKwh"), sum(a, "ramEnergyKwh"),
                sum(a, "energyKwh"), sum(a, "co2Grams"));
    }

    /** Runs per value of a terms sub-aggregation (methods, intensity sources). */
    private static Map<String, Long> counts(Map<String, Aggregate> a, String name) {
        Map<String, Long> counts = new LinkedHashMap<>();
        a.get(name).sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return counts;
    }

    private static List<String> keys(Map<String, Aggregate> a, String name) {
        return counts(a, name).keySet().stream().sorted().toList();
    }

    private static double sum(Map<String, Aggregate> a, String name) {
        return a.get(name).sum().value();
    }
}

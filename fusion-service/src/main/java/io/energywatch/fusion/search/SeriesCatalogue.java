package io.energywatch.fusion.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import io.energywatch.fusion.config.IndexNames;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The series catalogue, from the enriched index alone: one composite-aggregation bucket per series id with min/max
 * aggregations for its extent, a filter for its missing values and its latest document for what it measures. A
 * catalogue of a few hundred series over millions of records answers in one or two requests, without reading records.
 */
@Component
class SeriesCatalogue {

    /** Series per composite page. */
    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final IndexNames names;

    SeriesCatalogue(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Only the series matching these (null = any). */
    record Filter(@Nullable String carrier, @Nullable String region, @Nullable String source,
                  @Nullable String resolution, @Nullable String id) {
    }

    /** What a series' latest document says about it. */
    record Facts(String carrier, String area, String region, String source, String resolution, String unit) {
    }

    /** Every series matching the filter, ordered by id. */
    List<SeriesEntry> series(Filter filter) {
        List<Query> filters = new ArrayList<>();
        term(filters, "carrier", filter.carrier());
        term(filters, "region", filter.region());
        term(filters, "source", filter.source());
        term(filters, "resolution", filter.resolution());
        term(filters, "seriesId", filter.id());
        List<SeriesEntry> entries = new ArrayList<>();
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> afterKey = after;
            SearchResponse<Void> response = EnrichedSearch.call(() -> client.search(s -> s.index(names.enrichedAlias())
                    .ignoreUnavailable(true).allowNoIndices(true).size(0)
                    .query(q -> q.bool(b -> b.filter(filters)))
                    .aggregations("series", aggregation(afterKey)), Void.class));
            Aggregate series = response.aggregations().get("series");
            if (series == null) {
                return entries;
            }
            CompositeAggregate composite = series.composite();
            for (CompositeBucket bucket : composite.buckets().array()) {
                entries.add(entry(bucket));
            }
            if (composite.buckets().array().size() < PAGE || composite.afterKey() == null) {
                return entries;
            }
            after = composite.afterKey();
        }
    }

    private static void term(List<Query> filters, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            filters.add(Query.of(q -> q.term(t -> t.field(field).value(value))));
        }
    }

    private static Aggregation aggregation(@Nullable Map<String, FieldValue> after) {
        return Aggregation.of(a -> a
                .composite(c -> {
                    c.size(PAGE).sources(List.of(NamedValue.of("id",
                            CompositeAggregationSource.of(s -> s.terms(t -> t.field("seriesId"))))));
                    if (after != null) {
                        c.after(after);
                    }
                    return c;
                })
                .aggregations("first", x -> x.min(m -> m.field("intervalStart")))
                .aggregations("last", x -> x.max(m -> m.field("intervalStart")))
                .aggregations("end", x -> x.max(m -> m.field("intervalEnd")))
                .aggregations("missing", x -> x.filter(f -> f.term(t -> t.field("valueMissing").value(true))))
                .aggregations("latest", x -> x.topHits(h -> h.size(1)
                        .sort(o -> o.field(f -> f.field("intervalStart").order(SortOrder.Desc)))
                        .source(src -> src.filter(f -> f.includes("carrier", "area", "region", "source", "resolution",
                                "unit"))))));
    }

    private static SeriesEntry entry(CompositeBucket bucket) {
        Map<String, Aggregate> a = bucket.aggregations();
        Facts facts = a.get("latest").topHits().hits().hits().getFirst().source().to(Facts.class);
        return new SeriesEntry(bucket.key().get("id").stringValue(), facts.carrier(), facts.area(), facts.region(),
                facts.source(), facts.resolution(), facts.unit(), instant(a.get("first").min().value()),
                instant(a.get("last").max().value()), instant(a.get("end").max().value()), bucket.docCount(),
                a.get("missing").filter().docCount());
    }

    /** A date min/max is epoch milliseconds. */
    private static Instant instant(double epochMillis) {
        return Instant.ofEpochMilli((long) epochMillis);
    }
}

package io.energywatch.fusion.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.energywatch.fusion.config.IndexNames;
import io.energywatch.fusion.indexing.DailyDocument;
import io.energywatch.fusion.indexing.EnrichedDocument;
import io.energywatch.service.stores.Store;
import io.energywatch.service.stores.StoreUnavailableException;
import io.energywatch.service.web.PageResponse;
import io.energywatch.service.web.TabularResponse;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The read side of the enriched and daily indices, through their aliases. */
@Component
class EnrichedSearch {

    /** Elasticsearch's default max_result_window: deeper pages need a narrower time range. */
    static final int MAX_WINDOW = 10_000;

    private final ElasticsearchClient client;
    private final IndexNames names;

    EnrichedSearch(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    PageResponse<EnrichedDocument> enriched(String series, @Nullable Instant from, @Nullable Instant toExclusive,
                                            int page, int size) {
        List<Query> filters = new ArrayList<>();
        filters.add(Query.of(q -> q.term(t -> t.field("seriesId").value(series))));
        if (from != null || toExclusive != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("intervalStart");
                if (from != null) {
                    d.gte(from.toString());
                }
                if (toExclusive != null) {
                    d.lt(toExclusive.toString());
                }
                return d;
            }))));
        }
        SearchResponse<EnrichedDocument> response = call(() -> client.search(s -> s.index(names.enrichedAlias())
                .query(q -> q.bool(b -> b.filter(filters))).from(page * size).size(size).trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field("intervalStart").order(SortOrder.Asc)))
                .ignoreUnavailable(true).allowNoIndices(true), EnrichedDocument.class));
        List<EnrichedDocument> content = response.hits().hits().stream().map(Hit::source).toList();
        long total = response.hits().total() == null ? content.size() : response.hits().total().value();
        return new PageResponse<>(content, page, size, total);
    }

    Aggregates aggregates(String region, LocalDate from, LocalDate to, String interval) {
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(names.dailyAlias()).size(0)
                .ignoreUnavailable(true).allowNoIndices(true)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("region").value(region)))
                        .filter(f -> f.range(r -> r.date(d -> d.field("date").gte(from.toString()).lte(to.toString()))))))
                .aggregations("series", a -> a.terms(t -> t.field("seriesId").size(1000))
                        .aggregations("buckets", b -> b.dateHistogram(h -> h.field("date")
                                        .calendarInterval(calendarInterval(interval)).format("yyyy-MM-dd").minDocCount(1))
                                .aggregations("records", x -> x.sum(m -> m.field("records")))
                                .aggregations("valued", x -> x.sum(m -> m.field("valuedRecords")))
                                .aggregations("energy", x -> x.sum(m -> m.field("energyMwhSum")))
                                .aggregations("powerSum", x -> x.sum(m -> m.field("powerMwSum")))
                                .aggregations("powerMin", x -> x.min(m -> m.field("powerMwMin")))
                                .aggregations("powerMax", x -> x.max(m -> m.field("powerMwMax")))
                                .aggregations("tempMean", x -> x.avg(m -> m.field("tempMeanC")))
                                .aggregations("tempMin", x -> x.min(m -> m.field("tempMinC")))
                                .aggregations("tempMax", x -> x.max(m -> m.field("tempMaxC")))
                                .aggregations("hdd", x -> x.sum(m -> m.field("heatingDegreeDays")))
                                .aggregations("cdd", x -> x.sum(m -> m.field("coolingDegreeDays")))
                                .aggregations("weatherDays", x -> x.valueCount(m -> m.field("tempMeanC"))))), Void.class));
        List<SeriesAggregates> series = new ArrayList<>();
        for (StringTermsBucket s : response.aggregations().get("series").sterms().buckets().array()) {
            List<Bucket> buckets = new ArrayList<>();
            for (DateHistogramBucket b : s.aggregations().get("buckets").dateHistogram().buckets().array()) {
                Map<String, Aggregate> a = b.aggregations();
                long valued = (long) a.get("valued").sum().value().doubleValue();
                boolean weather = a.get("weatherDays").valueCount().value() > 0;
                buckets.add(new Bucket(b.keyAsString(), b.docCount(), (long) a.get("records").sum().value().doubleValue(),
                        valued, valued == 0 ? null : a.get("energy").sum().value(),
                        valued == 0 ? null : a.get("powerSum").sum().value() / valued,
                        finite(a.get("powerMin").min().value()), finite(a.get("powerMax").max().value()),
                        finite(a.get("tempMean").avg().value()), finite(a.get("tempMin").min().value()),
                        finite(a.get("tempMax").max().value()), weather ? a.get("hdd").sum().value() : null,
                        weather ? a.get("cdd").sum().value() : null));
            }
            series.add(new SeriesAggregates(s.key().stringValue(), buckets));
        }
        return new Aggregates(region, interval, from, to, series);
    }

    /**
     * The end of the last interval indexed (of one series, or of every series when {@code series} is null): where an
     * {@code hours=} window ends. Empty when nothing is indexed.
     */
    Optional<Instant> end(@Nullable String series) {
        SearchResponse<Void> response = call(() -> client.search(s -> s.index(names.enrichedAlias())
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> series == null ? q.matchAll(m -> m) : q.term(t -> t.field("seriesId").value(series)))
                .aggregations("end", a -> a.max(m -> m.field("intervalEnd"))), Void.class));
        Aggregate end = response.aggregations().get("end");
        Double millis = end == null ? null : end.max().value();
        return millis == null || !Double.isFinite(millis) ? Optional.empty()
                : Optional.of(Instant.ofEpochMilli(millis.longValue()));
    }

    /**
     * The start of the series' {@code n}-th most recent interval, so {@code from} it are its {@code n} latest points;
     * empty when the series has fewer (then all of them are). {@code n} stays within {@link #MAX_WINDOW}.
     */
    Optional<Instant> nthLatestStart(String series, int n) {
        SearchResponse<EnrichedDocument> response = call(() -> client.search(s -> s.index(names.enrichedAlias())
                .ignoreUnavailable(true).allowNoIndices(true).from(n - 1).size(1)
                .query(q -> q.term(t -> t.field("seriesId").value(series)))
                .sort(o -> o.field(f -> f.field("intervalStart").order(SortOrder.Desc))), EnrichedDocument.class));
        return response.hits().hits().stream().findFirst().map(Hit::source).map(EnrichedDocument::intervalStart);
    }

    Stats stats(TimeWindow window) {
        List<Query> filters = new ArrayList<>();
        if (window.from() != null || window.to() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> {
                d.field("intervalStart");
                if (window.from() != null) {
                    d.gte(window.from().toString());
                }
                if (window.to() != null) {
                    d.lt(window.to().toString());
                }
                return d;
            }))));
        }
        SearchResponse<EnrichedDocument> response = call(() -> client.search(s -> s.index(names.enrichedAlias())
                .query(q -> q.bool(b -> b.filter(filters)))
                .ignoreUnavailable(true).allowNoIndices(true).size(1).trackTotalHits(t -> t.enabled(true))
                .sort(o -> o.field(f -> f.field("intervalStart").order(SortOrder.Desc)))
                .aggregations("carrier", a -> a.terms(t -> t.field("carrier").size(10)))
                .aggregations("region", a -> a.terms(t -> t.field("region").size(100)))
                .aggregations("weatherMissing", a -> a.filter(f -> f.term(t -> t.field("weatherMissing").value(true))))
                .aggregations("strike", a -> a.filter(f -> f.term(t -> t.field("strike").value(true)))),
                EnrichedDocument.class));
        Query days = window.from() == null && window.to() == null ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.range(r -> r.date(d -> {
                    // Daily documents whose local day starts within the window.
                    d.field("date");
                    if (window.from() != null) {
                        d.gte(LocalDate.ofInstant(window.from(), TimeBound.PARIS).toString());
                    }
                    if (window.to() != null) {
                        d.lt(LocalDate.ofInstant(window.to(), TimeBound.PARIS).toString());
                    }
                    return d;
                })));
        long daily = call(() -> client.count(c -> c.index(names.dailyAlias()).ignoreUnavailable(true)
                .allowNoIndices(true).query(days))).count();
        long total = response.hits().total() == null ? 0 : response.hits().total().value();
        EnrichedDocument latest = response.hits().hits().isEmpty() ? null : response.hits().hits().getFirst().source();
        var aggregations = response.aggregations();
        return new Stats(window, total, counts(aggregations.get("carrier")), counts(aggregations.get("region")),
                aggregations.get("weatherMissing").filter().docCount(), aggregations.get("strike").filter().docCount(),
                daily, latest);
    }

    private static Map<String, Long> counts(@Nullable Aggregate terms) {
        Map<String, Long> counts = new LinkedHashMap<>();
        if (terms != null) {
            terms.sterms().buckets().array().forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        }
        return counts;
    }

    private static CalendarInterval calendarInterval(String interval) {
        return switch (interval) {
            case "day" -> CalendarInterval.Day;
            case "week" -> CalendarInterval.Week;
            case "month" -> CalendarInterval.Month;
            default -> throw new IllegalArgumentException("interval " + interval);
        };
    }

    private static @Nullable Double finite(@Nullable Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    /**
     * Elasticsearch not answering is the store being unavailable for now: the shared 503 problem naming it. An error
     * answer from the cluster goes on to the shared handler, which tells "not now" (429, 502-504) from a bad request.
     */
    static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IOException e) {
            throw StoreUnavailableException.of(Store.ELASTICSEARCH, e);
        }
    }

    /** The daily aggregates of a region, per series and interval; as CSV, one row per series and interval. */
    record Aggregates(String region, String interval, LocalDate from, LocalDate to, List<SeriesAggregates> series)
            implements TabularResponse<SeriesBucket> {

        @Override
        public List<SeriesBucket> tableRows() {
            return series.stream().flatMap(s -> s.buckets().stream().map(b -> new SeriesBucket(s.seriesId(), b)))
                    .toList();
        }
    }

    record SeriesAggregates(String seriesId, List<Bucket> buckets) {
    }

    /** A CSV row of the aggregates: the series, then its interval's columns. */
    record SeriesBucket(String seriesId, @JsonUnwrapped Bucket bucket) {
    }

    /**
     * One interval of one series: {@code days} daily documents, sums of energy and degree days, mean power weighted by
     * values, extremes, and the mean of the daily mean temperatures.
     */
    record Bucket(String start, long days, long records, long valuedRecords, @Nullable Double energyMwhSum,
                  @Nullable Double powerMwMean, @Nullable Double powerMwMin, @Nullable Double powerMwMax,
                  @Nullable Double tempMeanC, @Nullable Double tempMinC, @Nullable Double tempMaxC,
                  @Nullable Double heatingDegreeDays, @Nullable Double coolingDegreeDays) {
    }

    /**
     * What the demo prints: how much is indexed (in the window: intervals starting in it, daily aggregates of the days
     * starting in it), by carrier and region, and the latest record.
     */
    record Stats(TimeWindow window, long enrichedRecords, Map<String, Long> byCarrier, Map<String, Long> byRegion,
                 long weatherMissingRecords, long strikeRecords, long dailyAggregates, @Nullable EnrichedDocument latest) {
    }
}

package io.energywatch.fusion.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.energywatch.fusion.config.IndexNames;
import io.energywatch.service.web.TimeWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One series downsampled for a chart: a fixed-interval date histogram of its records with the min, max and mean power
 * of each interval, in one Elasticsearch query, so a chart of 50,000 points is one request of a few thousand buckets
 * instead of 50 pages of records.
 */
@Component
class SeriesView {

    /** Buckets when the caller names none: about two per pixel column of a wide chart. */
    static final int DEFAULT_POINTS = 2_000;
    /** Far below Elasticsearch's search.max_buckets (65,536), sub-aggregations included. */
    static final int MAX_POINTS = 10_000;

    private final ElasticsearchClient client;
    private final IndexNames names;

    SeriesView(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /**
     * The interval of {@code points} buckets over {@code [from, to)}: the span divided by the points, rounded up to a
     * whole number of the series' steps so every record falls in exactly one bucket and no bucket is empty by design.
     */
    static Duration interval(Instant from, Instant to, int points, Duration step) {
        long span = Duration.between(from, to).toMillis();
        long stepMs = step.toMillis();
        long steps = Math.max(1, (span + (long) points * stepMs - 1) / ((long) points * stepMs));
        return Duration.ofMillis(steps * stepMs);
    }

    /** From the series' first interval start to its last interval end; empty when it has no record. */
    Optional<TimeWindow> bounds(String series) {
        SearchResponse<Void> response = EnrichedSearch.call(() -> client.search(s -> s.index(names.enrichedAlias())
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.term(t -> t.field("seriesId").value(series)))
                .aggregations("first", a -> a.min(m -> m.field("intervalStart")))
                .aggregations("end", a -> a.max(m -> m.field("intervalEnd"))), Void.class));
        Double first = value(response.aggregations().get("first"), true);
        Double end = value(response.aggregations().get("end"), false);
        if (first == null || end == null) {
            return Optional.empty();
        }
        return Optional.of(new TimeWindow(Instant.ofEpochMilli(first.longValue()), Instant.ofEpochMilli(end.longValue()),
                null));
    }

    Downsampled view(String series, Instant from, Instant to, int points, Duration step) {
        Duration interval = interval(from, to, points, step);
        long intervalMs = interval.toMillis();
        // Buckets start at from (not at multiples of the interval since the epoch), so the first one is whole.
        long offset = Math.floorMod(from.toEpochMilli(), intervalMs);
        SearchResponse<Void> response = EnrichedSearch.call(() -> client.search(s -> s.index(names.enrichedAlias())
                .ignoreUnavailable(true).allowNoIndices(true).size(0)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("seriesId").value(series)))
                        .filter(f -> f.range(r -> r.date(d -> d.field("intervalStart").gte(from.toString())
                                .lt(to.toString()))))))
                .aggregations("view", a -> a.dateHistogram(h -> h.field("intervalStart")
                                .fixedInterval(i -> i.time(intervalMs + "ms")).offset(o -> o.time("+" + offset + "ms"))
                                .minDocCount(1))
                        .aggregations("min", x -> x.min(m -> m.field("powerMw")))
                        .aggregations("max", x -> x.max(m -> m.field("powerMw")))
                        .aggregations("avg", x -> x.avg(m -> m.field("powerMw")))
                        .aggregations("valued", x -> x.valueCount(m -> m.field("powerMw")))
                        .aggregations("temp", x -> x.avg(m -> m.field("tempMeanC")))
                        .aggregations("strike", x -> x.filter(f -> f.term(t -> t.field("strike").value(true))))
                        .aggregations("holiday", x -> x.filter(f -> f.term(t -> t.field("publicHoliday").value(true))))),
                Void.class));
        List<DownsampledBucket> buckets = new ArrayList<>();
        long records = 0;
        for (DateHistogramBucket b : response.aggregations().get("view").dateHistogram().buckets().array()) {
            Map<String, Aggregate> a = b.aggregations();
            Instant start = Instant.ofEpochMilli(b.key());
            long valued = a.get("valued").valueCount().value() == null ? 0
                    : a.get("valued").valueCount().value().longValue();
            records += b.docCount();
            buckets.add(new DownsampledBucket(start, start.plus(interval), b.docCount(), valued,
                    valued == 0 ? null : finite(a.get("min").min().value()),
                    valued == 0 ? null : finite(a.get("max").max().value()),
                    valued == 0 ? null : finite(a.get("avg").avg().value()), finite(a.get("temp").avg().value()),
                    a.get("strike").filter().docCount(), a.get("holiday").filter().docCount()));
        }
        return new Downsampled(series, from, to, points, interval.toString(), records, buckets);
    }

    /** The view of a series that has no record (in an {@code hours=} window ending at its end). */
    static Downsampled empty(String series, int points, Duration step) {
        return new Downsampled(series, null, null, points, step.toString(), 0, List.of());
    }

    private static @Nullable Double value(@Nullable Aggregate aggregate, boolean min) {
        if (aggregate == null) {
            return null;
        }
        return finite(min ? aggregate.min().value() : aggregate.max().value());
    }

    private static @Nullable Double finite(@Nullable Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    /**
     * The downsampled series: {@code records} records of {@code [from, to)} in buckets of {@code interval} (ISO-8601)
     * starting at {@code from}; buckets without a record are left out. A series without a record has no window.
     */
    record Downsampled(String seriesId, @Nullable Instant from, @Nullable Instant to, int points, String interval,
                       long records, List<DownsampledBucket> buckets) {
    }

    /**
     * One interval: its records, those with a value, the min, max and mean power over those (null when none), the
     * mean of the records' daily mean temperatures, and how many records fall on a strike day or a public holiday.
     */
    record DownsampledBucket(Instant start, Instant end, long records, long valuedRecords,
                             @Nullable Double powerMwMin, @Nullable Double powerMwMax, @Nullable Double powerMwAvg,
                             @Nullable Double tempMeanC, long strikeRecords, long holidayRecords) {
    }
}

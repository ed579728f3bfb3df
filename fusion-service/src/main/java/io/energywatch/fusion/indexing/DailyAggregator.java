package io.energywatch.fusion.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeAggregationSource;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import io.energywatch.fusion.config.IndexNames;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the daily documents of the series and days a batch touched, from the enriched documents themselves
 * (refreshed first), with one composite aggregation. Recomputing instead of incrementing is what makes the daily index
 * exact under redelivery, replay and late weather: a value that arrives twice is one document, counted once.
 */
@Component
class DailyAggregator {

    private static final int PAGE = 1000;

    private final ElasticsearchClient client;
    private final IndexNames names;

    DailyAggregator(ElasticsearchClient client, IndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** What a daily document says about its series, taken from one of its enriched documents. */
    record SeriesFacts(String seriesId, String carrier, String area, String region, String source, String resolution) {

        static SeriesFacts of(EnrichedDocument d) {
            return new SeriesFacts(d.seriesId(), d.carrier(), d.area(), d.region(), d.source(), d.resolution());
        }
    }

    List<DailyDocument> recompute(Collection<SeriesFacts> series, LocalDate from, LocalDate to) throws IOException {
        Map<String, SeriesFacts> byId = new LinkedHashMap<>();
        series.forEach(s -> byId.put(s.seriesId(), s));
        // Only the months of the batch: refreshing and searching every monthly index behind the alias for each batch
        // cost Elasticsearch most of its CPU on a 10-year file (264 shards refreshed per batch).
        List<String> indices = names.enrichedIndices(from, to);
        client.indices().refresh(r -> r.index(indices).ignoreUnavailable(true).allowNoIndices(true));
        List<DailyDocument> days = new ArrayList<>();
        Map<String, FieldValue> after = null;
        while (true) {
            Map<String, FieldValue> afterKey = after;
            SearchResponse<Void> response = client.search(s -> s.index(indices).ignoreUnavailable(true)
                    .allowNoIndices(true).size(0)
                    .query(q -> q.bool(b -> b
                            .filter(f -> f.terms(t -> t.field("seriesId")
                                    .terms(v -> v.value(byId.keySet().stream().map(FieldValue::of).toList()))))
                            .filter(f -> f.range(r -> r.date(d -> d.field("localDate").gte(from.toString())
                                    .lte(to.toString()))))))
                    .aggregations("days", daysAggregation(afterKey)), Void.class);
            CompositeAggregate composite = response.aggregations().get("days").composite();
            for (CompositeBucket bucket : composite.buckets().array()) {
                days.add(daily(byId.get(bucket.key().get("seriesId").stringValue()), bucket));
            }
            if (composite.buckets().array().size() < PAGE || composite.afterKey() == null) {
                return days;
            }
            after = composite.afterKey();
        }
    }

    private static Aggregation daysAggregation(@Nullable Map<String, FieldValue> after) {
        return Aggregation.of(a -> a
                .composite(c -> {
                    c.size(PAGE).sources(List.of(
                            NamedValue.of("seriesId", CompositeAggregationSource.of(s -> s.terms(t -> t.field("seriesId")))),
                            NamedValue.of("day", CompositeAggregationSource.of(s -> s.dateHistogram(d -> d.field("localDate")
                                    .calendarInterval(i -> i.time("1d")).format("yyyy-MM-dd"))))));
                    if (after != null) {
                        c.after(after);
                    }
                    return c;
                })
                .aggregations("valued", v -> v.valueCount(x -> x.field("energyMwh")))
                .aggregations("energy", v -> v.sum(x -> x.field("energyMwh")))
                .aggregations("powerSum", v -> v.sum(x -> x.field("powerMw")))
                .aggregations("powerMin", v -> v.min(x -> x.field("powerMw")))
                .aggregations("powerMax", v -> v.max(x -> x.field("powerMw")))
                .aggregations("tempMean", v -> v.avg(x -> x.field("tempMeanC")))
                .aggregations("tempMin", v -> v.min(x -> x.field("tempMinC")))
                .aggregations("tempMax", v -> v.max(x -> x.field("tempMaxC")))
                .aggregations("hdd", v -> v.avg(x -> x.field("heatingDegreeDays")))
                .aggregations("cdd", v -> v.avg(x -> x.field("coolingDegreeDays")))
                .aggregations("weatherMissing", v -> v.filter(f -> f.term(t -> t.field("weatherMissing").value(true)))));
    }

    private static DailyDocument daily(SeriesFacts facts, CompositeBucket bucket) {
        Map<String, Aggregate> a = bucket.aggregations();
        long valued = (long) a.get("valued").valueCount().value().doubleValue();
        // With no value that day the sums are absent, not 0: missing is null.
        Double energy = valued == 0 ? null : a.get("energy").sum().value();
        Double powerSum = valued == 0 ? null : a.get("powerSum").sum().value();
        return new DailyDocument(facts.seriesId(), facts.carrier(), facts.area(), facts.region(), facts.source(),
                facts.resolution(), day(bucket.key().get("day")), bucket.docCount(), valued, energy, powerSum,
                powerSum == null ? null : powerSum / valued, finite(a.get("powerMin").min().value()),
                finite(a.get("powerMax").max().value()), finite(a.get("tempMean").avg().value()),
                finite(a.get("tempMin").min().value()), finite(a.get("tempMax").max().value()),
                finite(a.get("hdd").avg().value()), finite(a.get("cdd").avg().value()),
                a.get("weatherMissing").filter().docCount());
    }

    private static LocalDate day(FieldValue key) {
        return key.isString() ? LocalDate.parse(key.stringValue())
                : LocalDate.ofInstant(Instant.ofEpochMilli(key.longValue()), ZoneOffset.UTC);
    }

    private static @Nullable Double finite(@Nullable Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }
}

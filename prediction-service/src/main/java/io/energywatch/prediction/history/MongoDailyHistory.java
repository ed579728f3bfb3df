package io.energywatch.prediction.history;

import io.energywatch.analytics.forecast.DailyRecord;
import io.energywatch.analytics.forecast.DailySeries;
import io.energywatch.analytics.forecast.DailyWeather;
import io.energywatch.analytics.forecast.WeatherVariable;
import io.energywatch.contracts.ConsumptionEnriched;
import io.energywatch.contracts.ConsumptionMeasured;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The daily history in MongoDB: one document per series and local day, each interval stored under its start so that a
 * redelivered or replayed record overwrites itself instead of being counted twice.
 */
public final class MongoDailyHistory implements DailyHistory {

    private static final String NATIVE_DAY = "nativeDay";
    private static final String TEMP_MIN = WeatherVariable.TEMP_MIN.id();
    private static final String TEMP_MAX = WeatherVariable.TEMP_MAX.id();
    private static final String WIND = WeatherVariable.WIND.id();
    private static final String HUMIDITY = WeatherVariable.HUMIDITY.id();
    private static final String CLOUD_COVER = WeatherVariable.CLOUD_COVER.id();
    private static final String VISIBILITY = WeatherVariable.VISIBILITY.id();

    private final MongoTemplate mongo;
    private final String collection;
    private final ZoneId zone;

    public MongoDailyHistory(MongoTemplate mongo, String collection, ZoneId zone) {
        this.mongo = mongo;
        this.collection = collection;
        this.zone = zone;
    }

    @Override
    public void record(ConsumptionEnriched enriched) {
        recordAll(List.of(enriched));
    }

    /**
     * One upsert per series and day of the batch, all in one unordered bulk: a stream of half-hours becomes a write
     * per day instead of one per record. Within a day the records apply in order, so the last one's weather and
     * strike context stands, as with one write each.
     */
    @Override
    public void recordAll(List<ConsumptionEnriched> batch) {
        Map<String, Update> byDay = new LinkedHashMap<>();
        for (ConsumptionEnriched enriched : batch) {
            String series = DailySeriesIds.daily(enriched.measurement().seriesId());
            String id = series + "|" + enriched.localDate();
            apply(byDay.computeIfAbsent(id, k -> new Update()), series, enriched);
        }
        if (byDay.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        byDay.forEach((id, update) -> bulk.upsert(Query.query(Criteria.where("_id").is(id)), update));
        bulk.execute();
    }

    private static void apply(Update update, String series, ConsumptionEnriched enriched) {
        ConsumptionMeasured m = enriched.measurement();
        long seconds = Duration.between(m.intervalStart(), m.intervalEnd()).toSeconds();
        var interval = new Document("energyMwh", m.energyMwh()).append("seconds", seconds);
        // A source's own daily value is kept apart from the sub-daily intervals of the same day: both share the daily
        // series id (electricity:11:sim:PT30M and electricity:11:sim:P1D), and the daily value is authoritative.
        String field = DailySeriesIds.DAILY.equals(m.resolution()) ? NATIVE_DAY
                : "intervals." + m.intervalStart().getEpochSecond();
        var weather = enriched.weather();
        boolean known = !weather.missing();
        update.set("series", series)
                .set("date", enriched.localDate().toString())
                .set(field, interval)
                .set("tempMeanC", known ? weather.tempMeanC() : null)
                .set(TEMP_MIN, known ? weather.tempMinC() : null)
                .set(TEMP_MAX, known ? weather.tempMaxC() : null)
                .set(WIND, known ? weather.windKmh() : null)
                .set(HUMIDITY, known ? weather.humidityPercent() : null)
                .set(CLOUD_COVER, known ? weather.cloudCoverPercent() : null)
                .set(VISIBILITY, known ? weather.visibilityKm() : null)
                .set("strike", enriched.social().strike())
                .set("strikerRatePercent", enriched.social().strikerRatePercent() == null ? 0.0
                        : enriched.social().strikerRatePercent());
    }

    @Override
    public DailySeries load(String dailySeriesId) {
        var query = Query.query(Criteria.where("series").is(dailySeriesId)).with(Sort.by("date"));
        var records = new ArrayList<DailyRecord>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            records.add(accumulation(d).toRecord(zone));
        }
        return DailySeries.of(records);
    }

    @Override
    public List<String> seriesIds() {
        return mongo.getCollection(collection).distinct("series", String.class).into(new ArrayList<>());
    }

    private static DayAccumulation accumulation(Document d) {
        Map<Long, DayAccumulation.Interval> intervals = new LinkedHashMap<>();
        Document stored = d.get("intervals", Document.class);
        if (stored != null) {
            for (var e : stored.entrySet()) {
                Document i = (Document) e.getValue();
                Number energy = (Number) i.get("energyMwh");
                intervals.put(Long.parseLong(e.getKey()), new DayAccumulation.Interval(
                        energy == null ? null : energy.doubleValue(), ((Number) i.get("seconds")).longValue()));
            }
        }
        Document nativeDay = d.get(NATIVE_DAY, Document.class);
        if (nativeDay != null) {
            Number energy = (Number) nativeDay.get("energyMwh");
            intervals.clear();
            intervals.put(0L, new DayAccumulation.Interval(energy == null ? null : energy.doubleValue(),
                    ((Number) nativeDay.get("seconds")).longValue()));
        }
        Number temp = (Number) d.get("tempMeanC");
        Number rate = (Number) d.get("strikerRatePercent");
        var weather = new DailyWeather(measure(d, TEMP_MIN), measure(d, TEMP_MAX), measure(d, WIND),
                measure(d, HUMIDITY), measure(d, CLOUD_COVER), measure(d, VISIBILITY));
        return new DayAccumulation(LocalDate.parse(d.getString("date")), intervals,
                temp == null ? null : temp.doubleValue(), weather, Boolean.TRUE.equals(d.getBoolean("strike")),
                rate == null ? 0 : rate.doubleValue());
    }

    /** A stored weather measure; NaN when absent (days stored before the measure was kept have none). */
    private static double measure(Document d, String field) {
        Number n = (Number) d.get(field);
        return n == null ? Double.NaN : n.doubleValue();
    }
}

package io.energywatch.prediction.weather;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Weather forecasts in MongoDB, one document per region, target day and issue time ({@code _id}
 * {@code <region>|<target day>|<issued at>}): a forecast issued later does not erase the earlier ones, so a forecast
 * made as of an earlier day still finds what was known then. A region and day get one issue a day at most in practice
 * (seven for a week-ahead source). Days are ISO strings, which sort as dates.
 */
public final class MongoWeatherForecasts implements WeatherForecasts {

    private static final Logger log = LoggerFactory.getLogger(MongoWeatherForecasts.class);

    private final MongoTemplate mongo;
    private final String collection;

    public MongoWeatherForecasts(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** The look-up index; only a speed-up, so a MongoDB down at start-up is no reason to stop. */
    public void createIndexes() {
        try {
            mongo.indexOps(collection).createIndex(new Index().on("region", Sort.Direction.ASC)
                    .on("targetDate", Sort.Direction.ASC).on("issuedAt", Sort.Direction.DESC));
        } catch (RuntimeException e) {
            log.warn("Weather forecast index not created ({}); look-ups work without it, only slower", e.toString());
        }
    }

    @Override
    public void saveAll(List<ForecastWeather> forecasts) {
        if (forecasts.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (ForecastWeather f : forecasts) {
            String id = f.regionCode() + "|" + f.targetDate() + "|" + f.issuedAt();
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("region", f.regionCode())
                    .set("targetDate", f.targetDate().toString()).set("issuedAt", Date.from(f.issuedAt()))
                    .set("tempMinC", f.tempMinC()).set("tempMaxC", f.tempMaxC()).set("tempMeanC", f.tempMeanC())
                    .set("windKmh", f.windKmh()).set("humidityPercent", f.humidityPercent())
                    .set("cloudCoverPercent", f.cloudCoverPercent()));
        }
        bulk.execute();
    }

    @Override
    public Map<String, Map<LocalDate, ForecastWeather>> newest(Collection<String> regions, LocalDate from,
                                                               LocalDate to, Instant issuedBefore) {
        var query = Query.query(Criteria.where("region").in(regions).and("targetDate").gte(from.toString())
                .lte(to.toString()).and("issuedAt").lt(Date.from(issuedBefore)));
        Map<String, Map<LocalDate, ForecastWeather>> out = new HashMap<>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            var f = new ForecastWeather(d.getString("region"), LocalDate.parse(d.getString("targetDate")),
                    d.getDate("issuedAt").toInstant(), number(d, "tempMinC"), number(d, "tempMaxC"),
                    number(d, "tempMeanC"), optional(d, "windKmh"), optional(d, "humidityPercent"),
                    optional(d, "cloudCoverPercent"));
            out.computeIfAbsent(f.regionCode(), k -> new HashMap<>()).merge(f.targetDate(), f,
                    (a, b) -> b.issuedAt().isAfter(a.issuedAt()) ? b : a);
        }
        return out;
    }

    private static double number(Document d, String field) {
        return ((Number) d.get(field)).doubleValue();
    }

    private static Double optional(Document d, String field) {
        Object v = d.get(field);
        return v instanceof Number n ? n.doubleValue() : null;
    }
}

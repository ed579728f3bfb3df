package io.energywatch.prediction.issuance;

import io.energywatch.contracts.ConsumptionForecast.WeatherBasis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Issued forecasts in MongoDB, one document per forecast with its steps, the days already scored and whether any step
 * still waits for its actual ({@code open}). Days are ISO strings, which sort as dates.
 */
public final class IssuedForecastStore {

    /** An issued forecast still waiting for actuals, and the target days already scored. */
    public record Open(IssuedForecast forecast, Set<LocalDate> scored) {
    }

    private static final Logger log = LoggerFactory.getLogger(IssuedForecastStore.class);

    private final MongoTemplate mongo;
    private final String collection;

    public IssuedForecastStore(MongoTemplate mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
    }

    /** Query indexes; only a speed-up, so a MongoDB down at start-up is no reason to stop. */
    public void createIndexes() {
        try {
            var ops = mongo.indexOps(collection);
            ops.createIndex(new Index().on("series", Sort.Direction.ASC).on("open", Sort.Direction.ASC)
                    .on("firstTarget", Sort.Direction.ASC));
            ops.createIndex(new Index().on("series", Sort.Direction.ASC).on("horizonDays", Sort.Direction.ASC)
                    .on("baseDay", Sort.Direction.DESC));
        } catch (RuntimeException e) {
            log.warn("Issued-forecast indexes not created ({}); queries work without them, only slower", e.toString());
        }
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), collection);
    }

    /** Stores the forecast unless a forecast of that id is stored: the first issue stands. */
    public void save(IssuedForecast f) {
        var update = new Update().setOnInsert("series", f.series()).setOnInsert("baseDay", f.baseDay().toString())
                .setOnInsert("horizonDays", f.horizonDays()).setOnInsert("modelId", f.modelId())
                .setOnInsert("modelVersion", f.modelVersion()).setOnInsert("algorithm", f.algorithm())
                .setOnInsert("issuedAt", Date.from(f.issuedAt())).setOnInsert("steps", f.steps().stream()
                        .map(IssuedForecastStore::step).toList())
                .setOnInsert("firstTarget", f.steps().getFirst().date().toString())
                .setOnInsert("lastTarget", f.steps().getLast().date().toString())
                .setOnInsert("scored", List.of()).setOnInsert("open", true);
        mongo.upsert(Query.query(Criteria.where("_id").is(f.id())), update, collection);
    }

    /** The open forecasts of a series with a target day on or before {@code lastComplete}, oldest first. */
    public List<Open> open(String series, LocalDate lastComplete) {
        var query = Query.query(Criteria.where("series").is(series).and("open").is(true).and("firstTarget")
                .lte(lastComplete.toString())).with(Sort.by("baseDay", "_id"));
        var out = new ArrayList<Open>();
        for (Document d : mongo.find(query, Document.class, collection)) {
            var scored = new TreeSet<LocalDate>();
            for (Object s : d.getList("scored", Object.class, List.of())) {
                scored.add(LocalDate.parse((String) s));
            }
            out.add(new Open(forecast(d), scored));
        }
        return out;
    }

    /** Records the scored days of a forecast; it closes once no step is left to wait for. */
    public void scored(String id, Set<LocalDate> scored, boolean open) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update()
                .set("scored", scored.stream().map(LocalDate::toString).toList()).set("open", open), collection);
    }

    /** The last base day a series was issued from at any horizon. */
    public Optional<LocalDate> lastBaseDay(String series) {
        var query = Query.query(Criteria.where("series").is(series)).with(Sort.by(Sort.Direction.DESC, "baseDay"))
                .limit(1);
        query.fields().include("baseDay");
        return Optional.ofNullable(mongo.findOne(query, Document.class, collection))
                .map(d -> LocalDate.parse(d.getString("baseDay")));
    }

    /** The latest issued forecast of a series and horizon: the newest base day, then the newest issue. */
    public Optional<IssuedForecast> latest(String series, int horizonDays) {
        var query = Query.query(Criteria.where("series").is(series).and("horizonDays").is(horizonDays))
                .with(Sort.by(Sort.Direction.DESC, "baseDay", "issuedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Document.class, collection)).map(IssuedForecastStore::forecast);
    }

    /**
     * The forecasts of a series and horizon with a target day from {@code from} to {@code to} (either open when null),
     * oldest base day first.
     */
    public List<IssuedForecast> covering(String series, int horizonDays, @Nullable LocalDate from,
                                         @Nullable LocalDate to) {
        var criteria = Criteria.where("series").is(series).and("horizonDays").is(horizonDays);
        if (to != null) {
            criteria.and("firstTarget").lte(to.toString());
        }
        if (from != null) {
            criteria.and("lastTarget").gte(from.toString());
        }
        return mongo.find(Query.query(criteria).with(Sort.by("baseDay", "_id")), Document.class, collection).stream()
                .map(IssuedForecastStore::forecast).toList();
    }

    /** Every issued forecast of a series, oldest base day first (all series when {@code series} is null). */
    public List<IssuedForecast> all(@Nullable String series) {
        var query = series == null ? new Query() : Query.query(Criteria.where("series").is(series));
        return mongo.find(query.with(Sort.by("series", "baseDay", "_id")), Document.class, collection).stream()
                .map(IssuedForecastStore::forecast).toList();
    }

    /** Issued forecasts and their steps per horizon, and the series they cover. */
    public record Counts(Map<Integer, Long> forecastsByHorizon, Map<Integer, Long> stepsByHorizon, List<String> series,
                         long open) {
    }

    public Counts counts() {
        Map<Integer, Long> forecasts = new TreeMap<>();
        Map<Integer, Long> steps = new TreeMap<>();
        var series = new TreeSet<String>();
        long open = 0;
        var query = new Query();
        query.fields().include("horizonDays").include("series").include("open").include("lastTarget")
                .include("firstTarget");
        for (Document d : mongo.find(query, Document.class, collection)) {
            int h = d.getInteger("horizonDays");
            forecasts.merge(h, 1L, Long::sum);
            steps.merge(h, (long) h, Long::sum);
            series.add(d.getString("series"));
            open += Boolean.TRUE.equals(d.getBoolean("open")) ? 1 : 0;
        }
        return new Counts(forecasts, steps, List.copyOf(series), open);
    }

    private static Document step(IssuedForecast.Step s) {
        return new Document("date", s.date().toString()).append("leadDays", s.leadDays())
                .append("energyMwh", s.energyMwh()).append("lower80Mwh", s.lower80Mwh())
                .append("upper80Mwh", s.upper80Mwh()).append("lower95Mwh", s.lower95Mwh())
                .append("upper95Mwh", s.upper95Mwh()).append("tempMeanC", s.tempMeanC())
                .append("weatherBasis", s.weatherBasis().name()).append("eventId", s.eventId());
    }

    private static IssuedForecast forecast(Document d) {
        var steps = new ArrayList<IssuedForecast.Step>();
        for (Document s : d.getList("steps", Document.class)) {
            Number temp = (Number) s.get("tempMeanC");
            steps.add(new IssuedForecast.Step(LocalDate.parse(s.getString("date")), s.getInteger("leadDays"),
                    number(s, "energyMwh"), number(s, "lower80Mwh"), number(s, "upper80Mwh"), number(s, "lower95Mwh"),
                    number(s, "upper95Mwh"), temp == null ? null : temp.doubleValue(),
                    WeatherBasis.valueOf(s.getString("weatherBasis")), s.getString("eventId")));
        }
        Instant issuedAt = d.getDate("issuedAt").toInstant();
        return new IssuedForecast(d.getString("_id"), d.getString("series"), LocalDate.parse(d.getString("baseDay")),
                d.getInteger("horizonDays"), d.getString("modelId"), d.getString("modelVersion"),
                d.getString("algorithm"), issuedAt, steps);
    }

    private static double number(Document d, String field) {
        return ((Number) d.get(field)).doubleValue();
    }
}

package io.energywatch.ingestion.store;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.GridCarbonIntensityMeasured;
import io.energywatch.contracts.IsoInstants;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.WeatherForecastIssued;
import io.energywatch.contracts.WeatherObserved;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Where each raw event type is stored and published, its unique key, and the bucket document that holds it.
 *
 * <p>Records are stored the way MongoDB users store time series: one bucket document per series and local
 * (Europe/Paris) day for consumption, per region and month for weather (weather forecasts: per region and target
 * month, a slot per target day, issue and source), per movement for social movements, per area and month for the
 * grid's hourly carbon intensity, each
 * record a slot of its bucket under a name derived from its key. A 190,000-row national file becomes a few thousand
 * documents, every read is an {@code _id} look-up, and a key can be stored only once (one slot per key).
 */
enum RawCollection {
    MEASUREMENTS("measurements", Topics.CONSUMPTION_RAW),
    WEATHER("weather", Topics.WEATHER_RAW),
    SOCIAL_MOVEMENTS("social_movements", Topics.SOCIAL_MOVEMENTS_RAW),
    WEATHER_FORECASTS("weather_forecasts", Topics.WEATHER_FORECASTS_RAW),
    GRID_CARBON_INTENSITY("grid_carbon_intensity", Topics.GRID_CARBON_INTENSITY);

    /** Buckets of consumption are local days: the day the fusion, the daily aggregates and the history group by. */
    static final ZoneId BUCKET_ZONE = ZoneId.of("Europe/Paris");
    private static final char SEPARATOR = '|';

    private final String collection;
    private final Topic<?> topic;

    RawCollection(String collection, Topic<?> topic) {
        this.collection = collection;
        this.topic = topic;
    }

    String collection() {
        return collection;
    }

    Topic<?> topic() {
        return topic;
    }

    static RawCollection of(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured ignored -> MEASUREMENTS;
            case WeatherObserved ignored -> WEATHER;
            case SocialMovementDeclared ignored -> SOCIAL_MOVEMENTS;
            case WeatherForecastIssued ignored -> WEATHER_FORECASTS;
            case GridCarbonIntensityMeasured ignored -> GRID_CARBON_INTENSITY;
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }

    /** The record's natural key, so storing it twice is impossible: series + interval start, region + day + source, movement. */
    static String storeKey(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured m -> m.seriesId() + SEPARATOR + m.intervalStart();
            case WeatherObserved w -> w.regionCode() + SEPARATOR + w.date() + SEPARATOR + w.source();
            case SocialMovementDeclared s -> s.movementId();
            // A re-upload of the same issue is a duplicate; a later issue for the same day is a record of its own.
            case WeatherForecastIssued f -> f.regionCode() + SEPARATOR + f.targetDate() + SEPARATOR
                    + IsoInstants.format(f.issuedAt()) + SEPARATOR + f.source();
            // A consolidated or definitive publication of an hour is a record of its own beside the real-time one.
            case GridCarbonIntensityMeasured g -> g.area() + SEPARATOR + IsoInstants.format(g.hourStart())
                    + SEPARATOR + g.quality() + SEPARATOR + g.source();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }

    /** The Kafka key (shared/DESIGN.md): series id, region code or movement id. */
    static String kafkaKey(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured m -> m.seriesId();
            case WeatherObserved w -> w.regionCode();
            case SocialMovementDeclared s -> s.movementId();
            case WeatherForecastIssued f -> f.regionCode();
            case GridCarbonIntensityMeasured g -> g.area();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }

    /**
     * Where a store key lives: its bucket's {@code _id} and its slot's field name. Works from the key alone, so the
     * outbox relay finds a record from the keys an outbox entry lists.
     */
    Location locate(String storeKey) {
        return switch (this) {
            case MEASUREMENTS -> {
                int cut = storeKey.lastIndexOf(SEPARATOR);
                yield measurement(storeKey.substring(0, cut), IsoInstants.parse(storeKey.substring(cut + 1)));
            }
            // region|yyyy-MM-dd|source: a bucket per region and month, a slot per day and source.
            case WEATHER -> monthly(storeKey, "regionCode", "d");
            case SOCIAL_MOVEMENTS -> new Location(storeKey, "m", new Document("movementId", storeKey));
            // region|target day|issued at|source: a bucket per region and target month, a slot per issue.
            case WEATHER_FORECASTS -> monthly(storeKey, "regionCode", "f");
            // area|hour (UTC)|status|source: a bucket per area and UTC month, a slot per hour, status and source.
            case GRID_CARBON_INTENSITY -> monthly(storeKey, "area", "h");
        };
    }

    /** Where an event's key lives: the same as {@link #locate(String)} of its key, without reading the key back. */
    static Location locate(EnergyWatchEvent event) {
        return event instanceof ConsumptionMeasured m ? measurement(m.seriesId(), m.intervalStart())
                : of(event).locate(storeKey(event));
    }

    /**
     * A bucket per key owner and month for keys {@code owner|yyyy-MM...|...}: the owner (region, area) before the first
     * separator, the month the first seven characters after it, the slot the rest under {@code slotPrefix}.
     */
    private static Location monthly(String storeKey, String ownerField, String slotPrefix) {
        int first = storeKey.indexOf(SEPARATOR);
        String owner = storeKey.substring(0, first);
        String rest = storeKey.substring(first + 1);
        String month = rest.substring(0, 7);
        return new Location(owner + SEPARATOR + month, slotPrefix + fieldName(rest),
                new Document(ownerField, owner).append("month", month));
    }

    private static Location measurement(String series, Instant start) {
        LocalDate day = LocalDate.ofInstant(start, BUCKET_ZONE);
        return new Location(series + SEPARATOR + day, "t" + start.getEpochSecond(),
                new Document("seriesId", series).append("day", day.toString()));
    }

    /**
     * A bucket document's id, the record's slot name in it, and the typed fields the bucket carries for queries (on a
     * real MongoDB, where secondary indexes are cheap).
     */
    record Location(String bucketId, String slot, Document bucketFields) {
    }

    /** Slot names become field names: no dots (paths) and no leading dollar (operators). */
    private static String fieldName(String text) {
        return text.replace('.', '_').replace('$', '_');
    }
}

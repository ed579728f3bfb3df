package io.energywatch.ingestion.store;

import io.energywatch.contracts.ConsumptionMeasured;
import io.energywatch.contracts.EnergyWatchEvent;
import io.energywatch.contracts.SocialMovementDeclared;
import io.energywatch.contracts.Topic;
import io.energywatch.contracts.Topics;
import io.energywatch.contracts.WeatherObserved;

/**
 * Where each raw event type is stored and published, and its unique key: series id + interval start for consumption,
 * region + day + source for weather, the movement id for social movements.
 */
enum RawCollection {
    MEASUREMENTS("measurements", Topics.CONSUMPTION_RAW),
    WEATHER("weather", Topics.WEATHER_RAW),
    SOCIAL_MOVEMENTS("social_movements", Topics.SOCIAL_MOVEMENTS_RAW);

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
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }

    /** The document id: the record's natural key, so storing it twice is impossible. */
    static String storeKey(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured m -> m.seriesId() + "|" + m.intervalStart();
            case WeatherObserved w -> w.regionCode() + "|" + w.date() + "|" + w.source();
            case SocialMovementDeclared s -> s.movementId();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }

    /** The Kafka key (shared/DESIGN.md): series id, region code or movement id. */
    static String kafkaKey(EnergyWatchEvent event) {
        return switch (event) {
            case ConsumptionMeasured m -> m.seriesId();
            case WeatherObserved w -> w.regionCode();
            case SocialMovementDeclared s -> s.movementId();
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not a raw event");
        };
    }
}

package io.energywatch.prediction.weather;

import io.energywatch.contracts.WeatherForecastIssued;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.service.kafka.EventListeners;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

/** The weather forecast store, its listener's container and the future-weather look-up. */
@Configuration(proxyBeanMethods = false)
class WeatherConfiguration {

    static final String CONTAINER_FACTORY = "predictionWeatherForecastContainerFactory";

    @Bean
    MongoWeatherForecasts weatherForecasts(MongoTemplate mongo, PredictionProperties properties) {
        return new MongoWeatherForecasts(mongo, properties.weatherForecasts().collection());
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> weatherForecastIndexes(MongoWeatherForecasts forecasts) {
        return ready -> forecasts.createIndexes();
    }

    @Bean
    FutureWeather futureWeather(WeatherForecasts forecasts, PredictionProperties properties) {
        return new FutureWeather(forecasts, properties.zone());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, WeatherForecastIssued> weatherForecastContainerFactory(
            KafkaProperties kafka, PredictionProperties properties) {
        // Every forecast retained is kept: a new deployment forecasts with what the topic still holds.
        var factory = EventListeners.factory(kafka, WeatherForecastIssued.class,
                properties.weatherForecasts().groupId(), EventListeners.Start.EARLIEST, EventListeners.Delivery.BATCH,
                properties.weatherForecasts().batchSize());
        // A store that is down delays the forecasts, never drops them; a batch written again sets the same values.
        factory.setCommonErrorHandler(EventListeners.retryingUntilAccepted(Duration.ofSeconds(1),
                Duration.ofMinutes(1)));
        return factory;
    }
}

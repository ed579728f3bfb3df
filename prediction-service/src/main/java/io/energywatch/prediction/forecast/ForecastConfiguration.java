package io.energywatch.prediction.forecast;

import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.weather.FutureWeather;
import io.energywatch.service.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ForecastConfiguration {

    @Bean
    Forecasts forecasts(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer,
                        EventPublisher publisher, FutureWeather futureWeather, PredictionProperties properties) {
        return new Forecasts(history, engine, trainer, publisher, futureWeather, properties.forecast().maxHorizonDays(),
                properties.zone(), Clock.systemUTC());
    }

    @Bean
    WhatIfs whatIfs(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer,
                    PredictionProperties properties) {
        return new WhatIfs(history, engine, trainer, properties.forecast().maxHorizonDays());
    }
}

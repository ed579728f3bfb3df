package io.energywatch.prediction.issuance;

import io.micrometer.core.instrument.MeterRegistry;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.analytics.registry.ModelRegistry;
import io.energywatch.contracts.Topics;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.prediction.history.HistoryActivity;
import io.energywatch.prediction.indexing.AccuracyIndex;
import io.energywatch.prediction.models.ForecasterTrainer;
import io.energywatch.prediction.weather.FutureWeather;
import io.energywatch.service.carbon.ModelRuns;
import io.energywatch.service.kafka.EventPublisher;
import java.time.Clock;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The issued-forecast and accuracy stores, the accuracy index and the issuer. */
@Configuration(proxyBeanMethods = false)
class IssuanceConfiguration {

    @Bean
    IssuedForecastStore issuedForecastStore(MongoTemplate mongo, PredictionProperties properties) {
        return new IssuedForecastStore(mongo, properties.issuance().issuesCollection());
    }

    @Bean
    AccuracyStore accuracyStore(MongoTemplate mongo, PredictionProperties properties, MeterRegistry meters) {
        return new AccuracyStore(mongo, properties.issuance().accuracyCollection(), new AccuracyGauges(meters));
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> issuanceIndexes(IssuedForecastStore issues, AccuracyStore accuracy) {
        return ready -> {
            issues.createIndexes();
            accuracy.createIndexes();
        };
    }

    @Bean
    AccuracyIndex accuracyIndex(ElasticsearchClient client, PredictionProperties properties) {
        return new AccuracyIndex(client, properties.issuance().accuracyIndex());
    }

    @Bean
    ForecastIssuer forecastIssuer(DailyHistory history, ForecastEngine engine, ForecasterTrainer trainer,
                                  ModelRegistry registry, EventPublisher publisher, IssuedForecastStore issues,
                                  AccuracyStore accuracy, AccuracyIndex index, HistoryActivity activity,
                                  FutureWeather futureWeather, PredictionProperties properties,
                                  ModelRuns modelRuns) {
        var issuance = properties.issuance();
        int max = properties.forecast().maxHorizonDays();
        for (int h : issuance.horizonsDays()) {
            if (h > max) {
                throw new IllegalArgumentException("energywatch.prediction.issuance.horizons-days: " + h
                        + " is beyond energywatch.prediction.forecast.max-horizon-days (" + max + ")");
            }
        }
        return new ForecastIssuer(history, engine, trainer, registry,
                step -> publisher.publish(Topics.FORECASTS, step.seriesId(), step), futureWeather, issues, accuracy,
                index::index,
                activity, issuance.horizonsDays(), properties.forecast().minTrainingDays(), issuance.quietPeriod(),
                properties.zone(), Clock.systemUTC(), modelRuns);
    }
}

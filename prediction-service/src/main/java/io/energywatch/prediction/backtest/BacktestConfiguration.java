package io.energywatch.prediction.backtest;

import io.micrometer.core.instrument.MeterRegistry;
import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import io.energywatch.service.carbon.ModelRuns;
import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    Backtests backtests(DailyHistory history, ForecastEngine engine, PredictionProperties properties,
                        ModelRuns modelRuns) {
        return new Backtests(history, engine, properties.forecast().maxHorizonDays(), Clock.systemUTC(), modelRuns);
    }

    @Bean
    BacktestJobs backtestJobs(Backtests backtests, MongoTemplate mongo, JsonMapper json,
                              PredictionProperties properties, MeterRegistry meters) {
        var jobs = new BacktestJobs(backtests, new BacktestJobStore(mongo, properties.backtests().collection(), json),
                Clock.systemUTC(), meters);
        jobs.failInterrupted();
        return jobs;
    }
}

package io.energywatch.prediction.backtest;

import io.energywatch.analytics.forecast.ForecastEngine;
import io.energywatch.prediction.config.PredictionProperties;
import io.energywatch.prediction.history.DailyHistory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BacktestConfiguration {

    @Bean
    Backtests backtests(DailyHistory history, ForecastEngine engine, PredictionProperties properties) {
        return new Backtests(history, engine, properties.forecast().maxHorizonDays(), Clock.systemUTC());
    }

    @Bean
    BacktestJobs backtestJobs(Backtests backtests) {
        return new BacktestJobs(backtests, Clock.systemUTC());
    }
}

package io.energywatch.prediction.weather;

import io.energywatch.contracts.WeatherForecastIssued;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the weather forecasts topic in MongoDB, a polled batch at a time. */
@Component
class WeatherForecastListener {

    private final WeatherForecasts forecasts;

    WeatherForecastListener(WeatherForecasts forecasts) {
        this.forecasts = forecasts;
    }

    @KafkaListener(id = "prediction-weather-forecasts",
            topics = "#{T(io.energywatch.contracts.Topics).WEATHER_FORECASTS_RAW.name()}",
            containerFactory = WeatherConfiguration.CONTAINER_FACTORY)
    void onForecasts(List<ConsumerRecord<String, WeatherForecastIssued>> batch) {
        var readable = new ArrayList<ForecastWeather>(batch.size());
        for (ConsumerRecord<String, WeatherForecastIssued> r : batch) {
            // A record the deserialiser could not read arrives as null; the deserialiser has already logged it.
            WeatherForecastIssued f = r.value();
            if (f != null) {
                readable.add(new ForecastWeather(f.regionCode(), f.targetDate(), f.issuedAt(), f.tempMinC(),
                        f.tempMaxC(), f.tempMeanC(), f.windKmh(), f.humidityPercent(), f.cloudCoverPercent()));
            }
        }
        forecasts.saveAll(readable);
    }
}

package io.energywatch.prediction;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Keeps a daily history of every consumed series, backtests and trains forecasters on it, serves forecasts and what-if
 * scenarios, and tracks model versions in MLflow or the local registry.
 */
@OpenAPIDefinition(info = @Info(title = "EnergyWatch prediction-service",
        description = "Keeps a daily history of every consumed series, backtests and trains forecasters on it, serves "
                + "forecasts and what-if scenarios, issues forecasts on a schedule and scores their realised "
                + "accuracy. Every error is application/problem+json (RFC 9457)."))
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class PredictionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(PredictionServiceApplication.class, args);
    }
}

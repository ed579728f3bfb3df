package io.energywatch.ingestion;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Reads consumption, weather and social-movement sources, stores them raw in MongoDB and publishes them to Kafka. */
@OpenAPIDefinition(info = @Info(title = "EnergyWatch ingestion-service",
        description = "Uploads, pollers and the simulator: reads consumption, weather, weather-forecast and "
                + "social-movement sources, stores them raw in MongoDB and publishes them to Kafka. Every error is "
                + "application/problem+json (RFC 9457)."))
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class IngestionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IngestionServiceApplication.class, args);
    }
}

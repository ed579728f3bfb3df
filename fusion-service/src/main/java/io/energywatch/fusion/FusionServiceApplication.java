package io.energywatch.fusion;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fuses consumption with weather, social movements and the calendar in Kafka Streams, and serves it from Elasticsearch. */
@OpenAPIDefinition(info = @Info(title = "EnergyWatch fusion-service",
        description = "Fuses consumption with weather, social movements and the calendar in Kafka Streams, and serves "
                + "the enriched records, their aggregates and indexing statistics from Elasticsearch. Every error "
                + "is application/problem+json (RFC 9457)."))
@SpringBootApplication
@ConfigurationPropertiesScan
public class FusionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FusionServiceApplication.class, args);
    }
}

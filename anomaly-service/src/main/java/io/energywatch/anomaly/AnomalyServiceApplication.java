package io.energywatch.anomaly;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scores the enriched consumption stream for anomalies, stores and serves them, and trains the group forests. */
@OpenAPIDefinition(info = @Info(title = "EnergyWatch anomaly-service",
        description = "Scores the enriched consumption stream for anomalies, stores and serves them with operator "
                + "feedback, trains the group models, clusters load profiles and sends alert notifications. Every "
                + "error is application/problem+json (RFC 9457)."))
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnomalyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnomalyServiceApplication.class, args);
    }
}

package io.energywatch.drift;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Watches model inputs for drift: rolling window of enriched data, scheduled and on-demand runs, reports and events. */
@OpenAPIDefinition(info = @Info(title = "EnergyWatch drift-service",
        description = "Watches model inputs for drift: a rolling window of enriched data, scheduled and on-demand runs "
                + "(PSI and Kolmogorov-Smirnov per feature), reports, monthly summaries and drift events. Every "
                + "error is application/problem+json (RFC 9457)."))
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DriftServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DriftServiceApplication.class, args);
    }
}

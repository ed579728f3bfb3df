package io.energywatch.anomaly;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scores the enriched consumption stream for anomalies, stores and serves them, and trains the group forests. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AnomalyServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnomalyServiceApplication.class, args);
    }
}

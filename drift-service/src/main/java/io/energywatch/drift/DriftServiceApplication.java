package io.energywatch.drift;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Watches model inputs for drift: rolling window of enriched data, scheduled and on-demand runs, reports and events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DriftServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(DriftServiceApplication.class, args);
    }
}

package io.energywatch.fusion;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Fuses consumption with weather, social movements and the calendar in Kafka Streams, and serves it from Elasticsearch. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FusionServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(FusionServiceApplication.class, args);
    }
}

package io.energywatch.service.kafka;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How a service talks to the platform's topics.
 *
 * @param createTopics create every topic of {@code Topics} and its dead-letter topic at start-up (idempotent)
 * @param replicationFactor replication factor of topics this service creates: 1 for the local stack, 3 in production
 */
@Validated
@ConfigurationProperties("energywatch.kafka")
public record KafkaEventsProperties(boolean createTopics, @Min(1) short replicationFactor) {
}

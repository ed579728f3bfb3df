package io.energywatch.fusion.enrichment;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** The fusion is healthy while its Kafka Streams client runs or rebalances; an error state means it stopped fusing. */
@Component("fusionStreams")
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
        super("Kafka Streams health check failed");
        this.streams = streams;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        KafkaStreams client = streams.getKafkaStreams();
        if (client == null) {
            builder.down().withDetail("state", "NOT_STARTED");
            return;
        }
        KafkaStreams.State state = client.state();
        (state.isRunningOrRebalancing() || state == KafkaStreams.State.CREATED ? builder.up() : builder.down())
                .withDetail("state", state.name());
    }
}

package io.energywatch.fusion.enrichment;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The fusion is healthy while its Kafka Streams client runs or rebalances; an error state means it stopped fusing. The
 * weather view is reported beside it but does not make the service unhealthy: without it the fusion is slower (more
 * re-emissions), not wrong.
 */
@Component("fusionStreams")
class StreamsHealthIndicator extends AbstractHealthIndicator {

    private final StreamsBuilderFactoryBean streams;
    private final GlobalWeatherView weatherView;

    StreamsHealthIndicator(StreamsBuilderFactoryBean streams, GlobalWeatherView weatherView) {
        super("Kafka Streams health check failed");
        this.streams = streams;
        this.weatherView = weatherView;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("weatherView", weatherView.state().name()).withDetail("weatherViewDays", weatherView.days());
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

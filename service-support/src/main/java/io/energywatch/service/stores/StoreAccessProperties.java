package io.energywatch.service.stores;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How long the store clients of every service wait before they say a store is down, so a request fails fast with a
 * problem naming the store instead of hanging (Elasticsearch's timeouts are {@code spring.elasticsearch.*}).
 *
 * @param retryAfter the {@code Retry-After} a store problem suggests
 */
@Validated
@ConfigurationProperties("energywatch.store-access")
public record StoreAccessProperties(@NotNull @DefaultValue("10s") Duration retryAfter,
                                    @Valid @NotNull @DefaultValue Mongodb mongodb,
                                    @Valid @NotNull @DefaultValue Kafka kafka) {

    /**
     * @param serverSelectionTimeout how long an operation waits for a reachable server: what a caller waits when
     *                               MongoDB is down
     * @param connectTimeout         opening a connection
     * @param readTimeout            waiting for an answer on an open connection; long enough for a large batch insert
     */
    public record Mongodb(@NotNull @DefaultValue("2s") Duration serverSelectionTimeout,
                          @NotNull @DefaultValue("2s") Duration connectTimeout,
                          @NotNull @DefaultValue("60s") Duration readTimeout) {
    }

    /**
     * @param maxBlock     how long a send may block while the producer has no metadata or no buffer (Kafka's
     *                     {@code max.block.ms}, 60 s by default); a service's {@code spring.kafka.producer.properties}
     *                     may still set its own
     * @param probeTimeout how long the health check waits for the cluster to describe itself
     * @param requestTimeout  how long the producer waits for one produce request's answer ({@code request.timeout.ms})
     * @param deliveryTimeout how long a sent record may stay unacknowledged before its send fails
     *                        ({@code delivery.timeout.ms}, 120 s by default, at least {@code requestTimeout} plus the
     *                        linger): a producer flush waits that long when the broker is gone, so it bounds how long
     *                        an ingestion job takes to notice a Kafka outage and pause
     */
    public record Kafka(@NotNull @DefaultValue("3s") Duration maxBlock,
                        @NotNull @DefaultValue("2s") Duration probeTimeout,
                        @NotNull @DefaultValue("10s") Duration requestTimeout,
                        @NotNull @DefaultValue("30s") Duration deliveryTimeout) {
    }
}

package io.energywatch.gateway.feed;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The console's live anomaly feed (defaults in application.yml, the reasons in docs/architecture.md "Operator
 * console").
 *
 * @param enabled     off: no consumer, and the stream answers 503
 * @param pollTimeout the consumer's longest wait for records (bounds the shutdown, not the latency: a record is
 *                    handed over as soon as it arrives)
 * @param maxClients  browsers connected at once to this instance; one more is refused with 503
 * @param recent      the last events kept and replayed to a browser when it connects (0: none)
 * @param heartbeat   the interval of the comment lines that keep idle connections open through proxies and tell a
 *                    closed one
 * @param streamLimit a connection's longest life; the browser then reconnects (and gets the recent events again)
 */
@Validated
@ConfigurationProperties("energywatch.gateway.feed")
public record FeedProperties(boolean enabled, @NotNull Duration pollTimeout, @Min(1) @Max(10_000) int maxClients,
                             @Min(0) @Max(1_000) int recent, @NotNull Duration heartbeat,
                             @NotNull Duration streamLimit) {
}

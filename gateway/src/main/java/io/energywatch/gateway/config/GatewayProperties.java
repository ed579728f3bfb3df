package io.energywatch.gateway.config;

import io.energywatch.service.web.BodyLimits;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every tunable of the gateway (defaults in application.yml, the reasons in docs/architecture.md "Gateway: limits and
 * integrator endpoints").
 *
 * @param services              each service's base URL by name ({@code ingestion-service}...), as the routes reach
 *                              them; the kpi and system endpoints call them there
 * @param rateLimit             the per-client token bucket
 * @param bodyLimits            request body size limits per route class
 * @param cors                  the origins (the console's) allowed to call the API from a browser
 * @param contentSecurityPolicy the Content-Security-Policy of every answer (fit for the Swagger UI)
 * @param calls                 the kpi and system endpoints' calls to the services and Kafka
 * @param kpi                   what {@code GET /api/v1/kpi} covers by default
 */
@Validated
@ConfigurationProperties("energywatch.gateway")
public record GatewayProperties(@NotEmpty Map<String, URI> services, @Valid @NotNull RateLimit rateLimit,
                                @Valid @NotNull BodyLimits bodyLimits, @Valid @NotNull Cors cors,
                                @NotBlank String contentSecurityPolicy, @Valid @NotNull Calls calls,
                                @Valid @NotNull Kpi kpi) {

    /**
     * A bucket of {@code capacity} requests per client (the token's subject, else the remote address), refilled
     * greedily with {@code refillTokens} every {@code refillPeriod}.
     *
     * @param maxClients buckets kept (least recently used dropped first); a bucket idle for longer than a full refill
     *                   is dropped anyway, since a fresh one is identical
     */
    public record RateLimit(boolean enabled, @Min(1) long capacity, @Min(1) long refillTokens,
                            @NotNull Duration refillPeriod, @Min(100) long maxClients) {
    }

    /** @param allowedOrigins exact origins ({@code https://console.example.org}); empty: no cross-origin caller */
    public record Cors(List<String> allowedOrigins, @NotNull Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /**
     * @param serviceTimeout a service's answer to one call of kpi/system (connect and read), after which its section
     *                       says unavailable
     * @param kafkaTimeout   the Kafka Admin client's budget for each question (topics, groups, offsets)
     * @param parallelism    calls in flight at once for one kpi/system answer
     */
    public record Calls(@NotNull Duration serviceTimeout, @NotNull Duration kafkaTimeout,
                        @Min(1) @Max(64) int parallelism) {
    }

    /**
     * @param defaultDays when no window is given: the days ending at the last indexed day
     * @param interval    the consumption periods: day, week or month
     * @param maxRegions  regions whose aggregates are read for one answer (one call each)
     * @param zone        the zone of local dates (the Europe/Paris day of DESIGN.md)
     */
    public record Kpi(@Min(1) @Max(3660) int defaultDays, @NotBlank String interval, @Min(1) @Max(100) int maxRegions,
                      @NotBlank String zone) {
    }
}

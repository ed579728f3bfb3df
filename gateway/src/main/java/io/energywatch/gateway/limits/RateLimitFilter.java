package io.energywatch.gateway.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.energywatch.gateway.config.GatewayProperties;
import io.energywatch.service.web.ProblemWriter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client: the token's subject once Spring Security has checked it (so nobody can spend another
 * caller's bucket by writing its name into a forged token), else the remote address. Every answer carries the IETF
 * draft's {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until the bucket is
 * full again); a request over the limit gets a 429 problem with {@code Retry-After} (seconds until one request is
 * allowed) and reaches no service. Runs after the security filters: a 401 costs one signature check and no bucket.
 */
public final class RateLimitFilter extends OncePerRequestFilter {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";

    private final GatewayProperties.RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public RateLimitFilter(GatewayProperties.RateLimit limit) {
        this.limit = limit;
        // A bucket idle for a full refill is full again, the same as a new one: dropping it loses nothing.
        Duration full = limit.refillPeriod().multipliedBy(
                Math.ceilDiv(limit.capacity(), limit.refillTokens()));
        this.buckets = Caffeine.newBuilder().maximumSize(limit.maxClients()).expireAfterAccess(full).build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = client(request);
        ConsumptionProbe probe = buckets.get(client, key -> newBucket()).tryConsumeAndReturnRemaining(1);
        response.setHeader(LIMIT, Long.toString(limit.capacity()));
        response.setHeader(REMAINING, Long.toString(probe.getRemainingTokens()));
        response.setHeader(RESET, Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                "More than %d requests in a burst, or more than %d per %s sustained, from %s: retry after %d s."
                        .formatted(limit.capacity(), limit.refillTokens(), limit.refillPeriod(), client, retryAfter),
                Map.of("limit", limit.capacity(), "retryAfterSeconds", retryAfter));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.capacity()).refillGreedy(limit.refillTokens(), limit.refillPeriod()))
                .build();
    }

    /** {@code subject:<sub>} for a caller whose token was accepted, {@code address:<ip>} for anyone else. */
    static String client(HttpServletRequest request) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller != null && caller.isAuthenticated() && !(caller instanceof AnonymousAuthenticationToken)) {
            return "subject:" + caller.getName();
        }
        return "address:" + request.getRemoteAddr();
    }

    private static long seconds(long nanos) {
        return TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1);
    }
}

package io.energywatch.service.security;

import org.springframework.http.HttpMethod;

import java.util.List;

/**
 * Who may call what: the one route table the gateway and every service apply (each service only meets its own
 * routes). Rules are tried in order; the first whose method and path pattern match decides. A route not listed needs
 * {@link Role#ADMIN} when it is under {@code /api/}, and any valid token elsewhere (so unknown paths answer 404 to a
 * caller with a token, 401 to one without).
 */
public final class ApiAccess {

    /**
     * @param method  null for every method
     * @param pattern a Spring path pattern
     * @param role    null for anonymous access
     */
    public record Rule(HttpMethod method, String pattern, Role role) {
    }

    /** Documents, probes and the gateway's operator console (its static files): no data, no token. */
    public static final List<Rule> ANONYMOUS = List.of(
            new Rule(HttpMethod.GET, "/", null),
            new Rule(HttpMethod.GET, "/index.html", null),
            new Rule(HttpMethod.GET, "/console/**", null),
            new Rule(HttpMethod.GET, "/actuator/health", null),
            new Rule(HttpMethod.GET, "/actuator/health/**", null),
            new Rule(HttpMethod.GET, "/actuator/info", null),
            new Rule(HttpMethod.GET, "/v3/api-docs", null),
            new Rule(HttpMethod.GET, "/v3/api-docs/**", null),
            new Rule(HttpMethod.GET, "/swagger-ui.html", null),
            new Rule(HttpMethod.GET, "/swagger-ui/**", null));

    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/actuator/prometheus", Role.VIEWER),
            new Rule(null, "/actuator/**", Role.ADMIN),
            // Operators act on what they watch.
            new Rule(HttpMethod.POST, "/api/v1/anomalies/*/feedback", Role.OPERATOR),
            new Rule(HttpMethod.POST, "/api/v1/anomalies/*/acknowledgement", Role.OPERATOR),
            new Rule(HttpMethod.POST, "/api/v1/anomalies/detect", Role.OPERATOR),
            new Rule(HttpMethod.POST, "/api/v1/predictions/what-if", Role.OPERATOR),
            new Rule(HttpMethod.POST, "/api/v1/predictions/forecasts", Role.OPERATOR),
            // Analysts feed data and run the heavy analyses.
            new Rule(HttpMethod.POST, "/api/v1/ingestions", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/simulations", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/pollers/*/runs", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/anomalies/models", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/predictions/backtests", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/drift/analyses", Role.ANALYST),
            new Rule(HttpMethod.POST, "/api/v1/clusters", Role.ANALYST),
            new Rule(HttpMethod.GET, "/api/**", Role.VIEWER),
            new Rule(HttpMethod.HEAD, "/api/**", Role.VIEWER),
            // Alert rules, model promotion and whatever else changes the platform.
            new Rule(null, "/api/**", Role.ADMIN));

    private ApiAccess() {
    }
}

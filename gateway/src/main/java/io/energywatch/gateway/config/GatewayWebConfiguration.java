package io.energywatch.gateway.config;

import io.energywatch.gateway.limits.RateLimitFilter;
import io.energywatch.gateway.web.ResponseHeadersFilter;
import io.energywatch.service.web.BodySizeFilter;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

import java.util.List;

/**
 * The gateway's own servlet filters, in this order: response headers (before everything, so every answer has them),
 * Spring Security (token, roles), the rate limit (keyed by the checked token's subject), the body size limit; then the
 * routes. And the CORS policy Spring Security applies (it calls {@code .cors()} with this source).
 */
@Configuration(proxyBeanMethods = false)
class GatewayWebConfiguration {

    @Bean
    FilterRegistrationBean<ResponseHeadersFilter> responseHeadersFilter(GatewayProperties gateway) {
        var registration = new FilterRegistrationBean<>(new ResponseHeadersFilter(gateway.contentSecurityPolicy()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(GatewayProperties gateway) {
        var registration = new FilterRegistrationBean<>(new RateLimitFilter(gateway.rateLimit()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.setEnabled(gateway.rateLimit().enabled());
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(GatewayProperties gateway) {
        var registration = new FilterRegistrationBean<>(new BodySizeFilter(gateway.bodyLimits()));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 2);
        return registration;
    }

    /**
     * The filter Spring Security's {@code .cors()} picks up by this name, with a refusal in problem+json; only Spring
     * Security runs it (its own registration stays off, or it would run twice).
     */
    @Bean
    CorsFilter corsFilter(CorsConfigurationSource corsConfigurationSource) {
        CorsFilter filter = new CorsFilter(corsConfigurationSource);
        filter.setCorsProcessor(new ProblemCorsProcessor());
        return filter;
    }

    @Bean
    FilterRegistrationBean<CorsFilter> corsFilterRegistration(CorsFilter corsFilter) {
        var registration = new FilterRegistrationBean<>(corsFilter);
        registration.setEnabled(false);
        return registration;
    }

    /** Browsers on the listed origins may call the API with a bearer token (no cookies: credentials stay off). */
    @Bean
    CorsConfigurationSource corsConfigurationSource(GatewayProperties gateway) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(gateway.cors().allowedOrigins());
        cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.ACCEPT));
        cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER, "X-Total-Count", "Link",
                RateLimitFilter.LIMIT, RateLimitFilter.REMAINING, RateLimitFilter.RESET));
        cors.setAllowCredentials(false);
        cors.setMaxAge(gateway.cors().maxAge());
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", cors);
        return source;
    }
}

package io.energywatch.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Stateless HTTP Basic in front of every API: operators read and give feedback, ingestors upload, admins do everything
 * (training, simulations). Health stays open for the orchestrator's probes.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .csrf(csrf -> csrf.disable()) // a token-less JSON API for machines; no browser session to protect
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // The API documentation is read-only and holds no data: open, so the Swagger UI loads
                        // without a login; its "Try it out" calls go to /api/v1/** and need an account as always.
                        .requestMatchers(HttpMethod.GET, "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs",
                                "/v3/api-docs/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/**").hasAnyRole("OPERATOR", "INGESTOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/anomalies/*/feedback").hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/ingestions/**", "/api/v1/pollers/**")
                        .hasAnyRole("INGESTOR", "ADMIN")
                        .requestMatchers("/api/v1/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("EnergyWatch"))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(GatewayUsers configured) {
        return new InMemoryUserDetailsManager(configured.users().stream()
                .map(u -> User.withUsername(u.name()).password(u.passwordHash())
                        .roles(u.roles().toArray(String[]::new)).build())
                .toList());
    }
}

package io.energywatch.service.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Every service and the gateway are OAuth2 resource servers: a request needs a valid JWT (signature, issuer, audience,
 * expiry) whose roles allow the route ({@link ApiAccess}); errors are problem+json. Stateless, so no session and no
 * CSRF token (nothing rides on a cookie).
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(JwtProperties.class)
@EnableWebSecurity
public class ApiSecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(JwtProperties jwt) {
        NimbusJwtDecoder decoder;
        if (jwt.publicKeyLocation() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt)).build();
        } else if (jwt.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(jwt.jwkSetUri().toString()).build();
        } else {
            decoder = NimbusJwtDecoder.withIssuerLocation(jwt.issuerUri().toString()).build();
        }
        decoder.setJwtValidator(validator(jwt));
        return decoder;
    }

    /** Signature aside: an expiry is required (a token without one would be valid forever), issuer and audience. */
    static OAuth2TokenValidator<Jwt> validator(JwtProperties jwt) {
        JwtTimestampValidator time = new JwtTimestampValidator(jwt.clockSkew());
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, exp -> exp != null),
                time,
                new JwtIssuerValidator(jwt.issuer()),
                new JwtClaimValidator<Collection<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(jwt.audience()))));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, JwtProperties jwt) {
        ProblemSecurityResponses problems = new ProblemSecurityResponses();
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(ApiSecurityAutoConfiguration::apply)
                .oauth2ResourceServer(rs -> rs
                        .jwt(j -> j.jwtAuthenticationConverter(new JwtRoles(jwt.rolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .build();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return new ProblemSecurityResponses();
    }

    /** Applies {@link ApiAccess}'s table, in order; anything else needs a valid token. */
    public static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        for (ApiAccess.Rule rule : ApiAccess.ANONYMOUS) {
            auth.requestMatchers(rule.method(), rule.pattern()).permitAll();
        }
        for (ApiAccess.Rule rule : ApiAccess.RULES) {
            var matched = rule.method() == null ? auth.requestMatchers(rule.pattern())
                    : auth.requestMatchers(rule.method(), rule.pattern());
            matched.hasRole(rule.role().name());
        }
        auth.anyRequest().authenticated();
    }

    private static RSAPublicKey publicKey(JwtProperties jwt) {
        try (InputStream in = jwt.publicKeyLocation().getInputStream()) {
            return LocalTokenIssuer.publicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JWT public key at " + jwt.publicKeyLocation()
                    + " (energywatch.security.jwt.public-key-location; ./energywatch token creates the local one)", e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a PEM RSA public key: " + jwt.publicKeyLocation(), e);
        }
    }
}

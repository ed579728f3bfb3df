package io.energywatch.service.security;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * How the gateway and every service validate a caller's JWT. Exactly one key source: a PEM RSA public key (the local
 * stack's own key pair, see {@link LocalTokenIssuer}), an identity provider's JWK set, or its OIDC issuer (whose
 * discovery document gives the JWK set).
 *
 * @param issuer            the {@code iss} every token must carry
 * @param audience          a value the token's {@code aud} must contain
 * @param publicKeyLocation PEM ({@code -----BEGIN PUBLIC KEY-----}) RSA key, e.g. {@code file:.energywatch/keys/jwt-public.pem}
 * @param jwkSetUri         the identity provider's JWK set
 * @param issuerUri         the identity provider's OIDC issuer, for discovery
 * @param rolesClaim        claim holding the roles; dots walk into objects ({@code realm_access.roles} for Keycloak)
 * @param clockSkew         tolerance on {@code exp} and {@code nbf}
 */
@Validated
@ConfigurationProperties("energywatch.security.jwt")
public record JwtProperties(@NotBlank String issuer, @NotBlank String audience, Resource publicKeyLocation,
                           URI jwkSetUri, URI issuerUri, @NotBlank String rolesClaim, @NotNull Duration clockSkew) {

    @AssertTrue(message = "set exactly one of public-key-location, jwk-set-uri and issuer-uri")
    public boolean isOneKeySource() {
        return Stream.of(publicKeyLocation, jwkSetUri, issuerUri).filter(s -> s != null).count() == 1;
    }
}

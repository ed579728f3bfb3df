package io.energywatch.service.security;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks every service applies to a token, on tokens minted by the local issuer and forged ones. */
class JwtValidationTest {

    @TempDir
    Path keys;

    private final Instant now = Instant.now();

    @Test
    void aTokenFromTheLocalKeyPairIsAcceptedWithItsSubjectAndTheRolesItsRoleIncludes() throws Exception {
        LocalTokenIssuer issuer = issuer("energywatch-local", "energywatch");
        JwtDecoder decoder = decoder("energywatch-local");

        var jwt = decoder.decode(issuer.mint("grid-desk", List.of(Role.ANALYST), Duration.ofMinutes(5), now));
        var caller = new JwtRoles("roles").convert(jwt);

        assertThat(caller.getName()).isEqualTo("grid-desk");
        assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER", "ROLE_OPERATOR", "ROLE_ANALYST");
    }

    @Test
    void theKeyPairIsWrittenOnceAndReadBackTheSame() throws Exception {
        KeyPair first = LocalTokenIssuer.loadOrCreate(keys);
        KeyPair again = LocalTokenIssuer.loadOrCreate(keys);
        assertThat(again.getPublic().getEncoded()).isEqualTo(first.getPublic().getEncoded());
        assertThat(again.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(Files.getPosixFilePermissions(keys.resolve(LocalTokenIssuer.PRIVATE_KEY_FILE)))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    @Test
    void expiredWrongIssuerWrongAudienceAndEndlessTokensAreRefused() throws Exception {
        LocalTokenIssuer issuer = issuer("energywatch-local", "energywatch");
        JwtDecoder decoder = decoder("energywatch-local");

        String expired = issuer.mint("a", List.of(Role.VIEWER), Duration.ofMinutes(5), now.minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");

        String otherIssuer = issuer("somebody-else", "energywatch").mint("a", List.of(Role.VIEWER),
                Duration.ofMinutes(5), now);
        assertThatThrownBy(() -> decoder.decode(otherIssuer)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("iss");

        String otherAudience = issuer("energywatch-local", "billing").mint("a", List.of(Role.VIEWER),
                Duration.ofMinutes(5), now);
        assertThatThrownBy(() -> decoder.decode(otherAudience)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("aud");

        String endless = issuer.sign(new JWTClaimsSet.Builder().issuer("energywatch-local").audience("energywatch")
                .subject("a").issueTime(Date.from(now)).claim("roles", List.of("admin")).build());
        assertThatThrownBy(() -> decoder.decode(endless)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("exp");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        JwtDecoder decoder = decoder("energywatch-local");
        String forged = new LocalTokenIssuer(LocalTokenIssuer.generateKeys(), "energywatch-local", "energywatch")
                .mint("a", List.of(Role.ADMIN), Duration.ofMinutes(5), now);
        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class)
                .hasMessageContaining("signature");
    }

    /** An identity provider's keys: its JWK set, fetched from its URL, verifies what it signed. */
    @Test
    void aTokenIsVerifiedAgainstAnIdentityProvidersJwkSet() throws Exception {
        KeyPair idp = LocalTokenIssuer.generateKeys();
        byte[] jwks = new com.nimbusds.jose.jwk.JWKSet(new com.nimbusds.jose.jwk.RSAKey.Builder(
                (java.security.interfaces.RSAPublicKey) idp.getPublic()).keyID("idp-1").build()).toString()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/grid/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        server.start();
        try {
            JwtDecoder decoder = new ApiSecurityAutoConfiguration().jwtDecoder(new JwtProperties(
                    "https://idp.example/realms/grid", "energywatch", null,
                    java.net.URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                            + "/realms/grid/protocol/openid-connect/certs"), null, "realm_access.roles",
                    Duration.ofSeconds(30)));
            String token = new LocalTokenIssuer(idp, "https://idp.example/realms/grid", "energywatch").sign(
                    new JWTClaimsSet.Builder().issuer("https://idp.example/realms/grid").audience("energywatch")
                            .subject("jdupont").expirationTime(Date.from(now.plusSeconds(300)))
                            .claim("realm_access", Map.of("roles", List.of("analyst"))).build());

            var caller = new JwtRoles("realm_access.roles").convert(decoder.decode(token));
            assertThat(caller.getName()).isEqualTo("jdupont");
            assertThat(caller.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_ANALYST");

            String local = issuer("https://idp.example/realms/grid", "energywatch").mint("x", List.of(Role.ADMIN),
                    Duration.ofMinutes(5), now);
            assertThatThrownBy(() -> decoder.decode(local)).as("signed by a key the provider does not publish")
                    .isInstanceOf(BadJwtException.class);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void rolesComeFromAConfigurableClaimAndUnknownValuesAreIgnored() throws Exception {
        LocalTokenIssuer issuer = issuer("energywatch-local", "energywatch");
        var jwt = decoder("energywatch-local").decode(issuer.sign(new JWTClaimsSet.Builder()
                .issuer("energywatch-local").audience("energywatch").subject("kc-user")
                .expirationTime(Date.from(now.plusSeconds(60)))
                .claim("realm_access", Map.of("roles", List.of("offline_access", "OPERATOR")))
                .claim("scope", "viewer admin").build()));

        assertThat(new JwtRoles("realm_access.roles").roles(jwt)).containsExactly(Role.OPERATOR);
        assertThat(new JwtRoles("scope").roles(jwt)).containsExactly(Role.VIEWER, Role.ADMIN);
        assertThat(new JwtRoles("roles").roles(jwt)).isEmpty();
    }

    private LocalTokenIssuer issuer(String iss, String aud) throws Exception {
        return new LocalTokenIssuer(LocalTokenIssuer.loadOrCreate(keys), iss, aud);
    }

    private JwtDecoder decoder(String iss) throws Exception {
        LocalTokenIssuer.loadOrCreate(keys);
        return new ApiSecurityAutoConfiguration().jwtDecoder(new JwtProperties(iss, "energywatch",
                new FileSystemResource(keys.resolve(LocalTokenIssuer.PUBLIC_KEY_FILE)), null, null, "roles",
                Duration.ofSeconds(30)));
    }
}

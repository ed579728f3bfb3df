package io.energywatch.gateway;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.energywatch.testsupport.HostileCorpus;
import io.energywatch.testsupport.RealServers;
import io.energywatch.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The gateway's hostile-input corpus ({@code hostile/gateway.json}): tokens that must be refused (malformed,
 * {@code alg: none}, expired, HMAC-signed with the public key, operators as roles, 10 kB), its own endpoints (kpi,
 * system, the actuator, the console's files) with wrong parameters and path tricks, and the proxy with oversized
 * bodies, traversal in the proxied path and oversized headers. The services are one stand-in that counts what
 * reaches it: a refused request must reach no service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class HostileInputTest {

    private static final List<String> FORWARDED = new CopyOnWriteArrayList<>();
    private static final HttpServer SERVICES = StandInRoutes.recording(FORWARDED::add);

    @AfterAll
    static void stop() {
        SERVICES.stop(0);
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        RealServers.kafka(registry);
        String url = "http://127.0.0.1:" + SERVICES.getAddress().getPort();
        StandInRoutes.allTo(registry, () -> url);
    }

    @Autowired
    Environment environment;

    static List<HostileCorpus.Case> cases() {
        return HostileCorpus.load("hostile/gateway.json");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileRequestIsRefusedNamingItsFieldOrAcceptedByPolicy(HostileCorpus.Case c) throws Exception {
        new HostileCorpus(URI.create("http://127.0.0.1:" + environment.getRequiredProperty("local.server.port")),
                () -> Map.of("requests forwarded", (long) FORWARDED.size()),
                AUTHORIZATIONS).check(c);
    }

    /** The Authorization values the cases name: tokens signed for this run. */
    private static final Map<String, String> AUTHORIZATIONS = authorizations();

    private static Map<String, String> authorizations() {
        Instant now = Instant.now();
        var tokens = new LinkedHashMap<String, String>();
        tokens.put("malformed", "Bearer not.a.jwt");
        tokens.put("alg-none", "Bearer " + new PlainJWT(claims(now).build()).serialize());
        tokens.put("expired", "Bearer " + TestTokens.issuer().sign(claims(now.minus(Duration.ofHours(2)))
                .expirationTime(Date.from(now.minus(Duration.ofHours(1)))).build()));
        tokens.put("not-yet-valid", "Bearer " + TestTokens.issuer().sign(claims(now)
                .notBeforeTime(Date.from(now.plus(Duration.ofHours(1)))).build()));
        tokens.put("hs256-keyed-with-the-public-key", "Bearer " + hmacSigned(claims(now).build(),
                TestTokens.issuer().publicKey().getEncoded()));
        tokens.put("roles-operator", "Bearer " + TestTokens.issuer().sign(claims(now)
                .claim("roles", Map.of("$gt", "")).build()));
        tokens.put("roles-path", "Bearer " + TestTokens.issuer().sign(claims(now)
                .claim("roles", List.of("../admin", "ROLE_ADMIN")).build()));
        tokens.put("basic", "Basic YWRtaW46YWRtaW4=");
        String valid = TestTokens.token("hostile-admin", io.energywatch.service.security.Role.ADMIN);
        tokens.put("two-tokens", "Bearer " + valid + ", Bearer " + valid);
        return Map.copyOf(tokens);
    }

    private static JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER).audience(TestTokens.AUDIENCE)
                .subject("hostile-caller").issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1)))).claim("roles", List.of("admin"));
    }

    /** The key-confusion attack: HS256 with the RSA public key as the shared secret. */
    private static String hmacSigned(JWTClaimsSet claims, byte[] secret) {
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

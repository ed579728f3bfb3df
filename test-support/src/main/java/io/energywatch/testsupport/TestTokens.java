package io.energywatch.testsupport;

import io.energywatch.service.security.LocalTokenIssuer;
import io.energywatch.service.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens for tests: one RSA key pair per test JVM, trusted by every Spring test context (through
 * {@link TestTokensContextCustomizerFactory}) and by applications started with {@link #arguments()}.
 */
public final class TestTokens {

    public static final String ISSUER = "energywatch-test";
    public static final String AUDIENCE = "energywatch";

    private static final KeyPair KEYS = LocalTokenIssuer.generateKeys();
    private static final LocalTokenIssuer TOKENS = new LocalTokenIssuer(KEYS, ISSUER, AUDIENCE);
    private static final Path PUBLIC_KEY = writePublicKey();
    private static final Map<Role, String> BEARERS = new ConcurrentHashMap<>();

    private TestTokens() {
    }

    /**
     * An {@code Authorization} header value for a caller named {@code test-<role>} with that role: one token per role
     * for the JVM (valid an hour, longer than any module's tests), not an RSA signature per request.
     */
    public static String bearer(Role role) {
        return BEARERS.computeIfAbsent(role, r -> "Bearer " + token("test-" + r.claimValue(), r));
    }

    public static String token(String subject, Role role) {
        return TOKENS.mint(subject, List.of(role), Duration.ofHours(1), Instant.now());
    }

    /** The issuer, for tokens a test builds claim by claim (expired, wrong audience, ...). */
    public static LocalTokenIssuer issuer() {
        return TOKENS;
    }

    /** The properties that make a service trust these tokens. */
    public static Map<String, String> properties() {
        return Map.of(
                "energywatch.security.jwt.issuer", ISSUER,
                "energywatch.security.jwt.audience", AUDIENCE,
                "energywatch.security.jwt.public-key-location", PUBLIC_KEY.toUri().toString());
    }

    /** {@link #properties()} as command-line arguments, for applications a test starts itself. */
    public static String[] arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    private static Path writePublicKey() {
        try {
            Path file = Files.createTempFile("energywatch-test-jwt", ".pem");
            file.toFile().deleteOnExit();
            LocalTokenIssuer.writePem(file, "PUBLIC KEY", KEYS.getPublic().getEncoded());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

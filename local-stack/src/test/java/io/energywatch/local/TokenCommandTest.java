package io.energywatch.local;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.energywatch.service.security.LocalTokenIssuer;
import io.energywatch.service.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code ./energywatch token} creates the installation's key pair once and prints, alone on stdout, a token the local
 * profile's services accept: signed with it, for their issuer and audience, with the role, subject and life asked for.
 */
class TokenCommandTest {

    @TempDir
    Path checkout;

    @Test
    void printsATokenSignedWithTheInstallationsKeyPairForTheLocalIssuer() throws Exception {
        Path platformFile = checkout.resolve(PlatformConfig.LOCATION);
        Files.createDirectories(platformFile.getParent());
        Files.copy(Path.of("..").resolve(PlatformConfig.LOCATION), platformFile);
        var workspace = new Workspace(checkout);

        String first = run(workspace, new Command.Token(Role.OPERATOR, Duration.ofHours(2), "grid-desk"));
        byte[] publicKey = Files.readAllBytes(workspace.keys().resolve(LocalTokenIssuer.PUBLIC_KEY_FILE));
        String second = run(workspace, new Command.Token(Role.VIEWER, Duration.ofDays(30), "billing-system"));

        assertThat(Files.readAllBytes(workspace.keys().resolve(LocalTokenIssuer.PUBLIC_KEY_FILE)))
                .as("the key pair is made once").isEqualTo(publicKey);
        var keys = LocalTokenIssuer.load(workspace.keys().resolve(LocalTokenIssuer.PUBLIC_KEY_FILE),
                workspace.keys().resolve(LocalTokenIssuer.PRIVATE_KEY_FILE));
        for (String token : new String[] {first, second}) {
            assertThat(SignedJWT.parse(token).verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        }
        var claims = SignedJWT.parse(first).getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("energywatch-local");
        assertThat(claims.getAudience()).containsExactly("energywatch");
        assertThat(claims.getSubject()).isEqualTo("grid-desk");
        assertThat(claims.getStringListClaim("roles")).containsExactly("operator");
        assertThat(claims.getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofHours(2)), within(Duration.ofMinutes(1)));
        assertThat(SignedJWT.parse(second).getJWTClaimsSet().getExpirationTime().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(30)), within(Duration.ofMinutes(1)));
    }

    private static String run(Workspace workspace, Command.Token command) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = new EnergyWatchCli(workspace, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).execute(command);
        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("token for '" + command.subject() + "'");
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines()).as("only the token on stdout").hasSize(1);
        return printed.strip();
    }
}

package io.energywatch.local;

import io.energywatch.service.security.LocalTokenIssuer;
import io.energywatch.service.security.Role;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Tokens of the local installation, signed with the key pair in {@code .energywatch/keys/} (created on first use; the
 * services of the local profile trust its public half).
 */
final class LocalTokens {

    private final LocalTokenIssuer issuer;

    private LocalTokens(LocalTokenIssuer issuer) {
        this.issuer = issuer;
    }

    static LocalTokens open(Workspace workspace, PlatformConfig platform) {
        try {
            return new LocalTokens(new LocalTokenIssuer(LocalTokenIssuer.loadOrCreate(workspace.keys()),
                    platform.tokenIssuer(), platform.tokenAudience()));
        } catch (IOException e) {
            throw new StackException("cannot read or create the token key pair in "
                    + workspace.display(workspace.keys()) + ": " + e.getMessage(), e);
        }
    }

    String mint(String subject, Role role, Duration ttl) {
        return issuer.mint(subject, List.of(role), ttl, Instant.now());
    }
}

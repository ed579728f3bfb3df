package io.energywatch.local;

import io.energywatch.service.security.LocalTokenIssuer;
import io.energywatch.service.security.Role;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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

    /**
     * The token of one caller for a client that sends one with every request: signed once and again only when half
     * its life has gone, not per request.
     */
    Supplier<String> renewing(String subject, Role role, Duration ttl) {
        return new Supplier<>() {
            private String token;
            private Instant renewAt = Instant.MIN;

            @Override
            public synchronized String get() {
                Instant now = Instant.now();
                if (!now.isBefore(renewAt)) {
                    token = issuer.mint(subject, List.of(role), ttl, now);
                    renewAt = now.plus(ttl.dividedBy(2));
                }
                return token;
            }
        };
    }
}

package io.energywatch.service.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform's roles, each including every role below it: a viewer reads; an operator also gives feedback,
 * acknowledges, runs detection, what-ifs and forecasts on demand; an analyst also ingests, trains, backtests, runs
 * drift analyses and clustering; an admin also manages alert rules and promotes models.
 */
public enum Role {
    VIEWER, OPERATOR, ANALYST, ADMIN;

    /** The name tokens carry in their roles claim. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role it includes, as Spring authorities ({@code ROLE_VIEWER}, ...). */
    public List<String> authorities() {
        return Arrays.stream(values()).filter(r -> r.ordinal() <= ordinal()).map(r -> "ROLE_" + r.name()).toList();
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claimValue().equalsIgnoreCase(value.trim())).findFirst();
    }
}

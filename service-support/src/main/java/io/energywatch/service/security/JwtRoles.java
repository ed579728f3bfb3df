package io.energywatch.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a validated JWT into the caller: its subject names them (feedback and acknowledgements take their author from
 * it), the configured claim gives their {@link Role}s, each expanded to the roles it includes. Values the platform does
 * not know are ignored; a claim may be a list or a space- or comma-separated string.
 */
public final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final List<String> claimPath;

    public JwtRoles(String rolesClaim) {
        this.claimPath = List.of(rolesClaim.split("\\."));
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        roles(jwt).forEach(r -> r.authorities().forEach(a -> authorities.add(new SimpleGrantedAuthority(a))));
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    public List<Role> roles(Jwt jwt) {
        Object value = jwt.getClaims();
        for (String step : claimPath) {
            value = value instanceof Map<?, ?> map ? map.get(step) : null;
        }
        Collection<?> values = switch (value) {
            case Collection<?> c -> c;
            case String s -> Arrays.asList(s.split("[\\s,]+"));
            case null, default -> List.of();
        };
        return values.stream().map(String::valueOf).map(Role::fromClaim).flatMap(Optional::stream).distinct().toList();
    }
}

package io.energywatch.service.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.util.unit.DataSize;

import java.util.List;

/**
 * The largest request body per route class, first match wins ({@link BodySizeFilter}): every service binds it from
 * {@code energywatch.body-limits} (default in energywatch-platform.yml, its file routes in its own application.yml),
 * the gateway from {@code energywatch.gateway.body-limits}.
 *
 * @param defaultMax the largest body of a request no route class names (JSON commands, rules, feedback)
 * @param routes     route classes tried in order; the first whose path patterns match gives the limit
 */
public record BodyLimits(@NotNull DataSize defaultMax, List<@Valid RouteClass> routes) {

    public BodyLimits {
        routes = routes == null ? List.of() : List.copyOf(routes);
    }

    /** Paths (Spring path patterns) whose bodies may reach {@code max}; {@code name} appears in the 413 problem. */
    public record RouteClass(@NotBlank String name, @NotEmpty List<String> paths, @NotNull DataSize max) {
    }
}

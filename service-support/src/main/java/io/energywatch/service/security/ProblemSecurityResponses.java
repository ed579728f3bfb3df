package io.energywatch.service.security;

import io.energywatch.service.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 401, 403 and rejected requests as problem+json like every other error, with the RFC 6750 {@code WWW-Authenticate}
 * header that tells a client what was wrong with its token.
 */
final class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        boolean tokenSent = request.getHeader("Authorization") != null;
        write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", tokenSent
                ? "The bearer token was refused: " + e.getMessage()
                : "A bearer token is required (Authorization: Bearer <token>).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String roles = caller == null ? "none" : caller.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5).toLowerCase()).collect(Collectors.joining(", "));
        write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "%s %s is not allowed to %s (roles: %s)".formatted(request.getMethod(), request.getRequestURI(),
                        caller == null ? "this caller" : caller.getName(), roles.isEmpty() ? "none" : roles));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(response, HttpStatus.BAD_REQUEST, "rejected-request", "Rejected request",
                "The request was rejected: " + e.getMessage());
    }

    private static void write(HttpServletResponse response, HttpStatus status, String type, String title,
                              String detail) throws IOException {
        ProblemWriter.write(response, status, type, title, detail, Map.of());
    }

}

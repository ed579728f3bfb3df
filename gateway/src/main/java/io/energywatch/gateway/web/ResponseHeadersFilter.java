package io.energywatch.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Headers Spring Security's defaults do not write (it already sends {@code X-Content-Type-Options}, {@code
 * X-Frame-Options}, {@code Cache-Control} and, over HTTPS, HSTS): the Content-Security-Policy and a Referrer-Policy,
 * set before anything else runs so that 401s, 429s and proxied answers carry them too.
 */
public final class ResponseHeadersFilter extends OncePerRequestFilter {

    private final String contentSecurityPolicy;

    public ResponseHeadersFilter(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy);
        response.setHeader("Referrer-Policy", "no-referrer");
        chain.doFilter(request, response);
    }
}

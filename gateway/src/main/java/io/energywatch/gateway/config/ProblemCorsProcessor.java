package io.energywatch.gateway.config;

import io.energywatch.service.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

import java.io.IOException;
import java.util.Map;

/** A cross-origin request from an origin not in {@code energywatch.gateway.cors.allowed-origins}: 403 problem+json. */
final class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(ProblemWriter.body(HttpStatus.FORBIDDEN.value(), "cors-rejected",
                "Cross-origin request refused",
                "This origin is not allowed to call the API (energywatch.gateway.cors.allowed-origins)", Map.of()));
        response.flush();
    }
}

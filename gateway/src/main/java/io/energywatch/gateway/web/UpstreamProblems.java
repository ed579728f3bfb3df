package io.energywatch.gateway.web;

import io.energywatch.service.web.BodySizeFilter;
import io.energywatch.service.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.client.RestClientException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.List;
import java.util.Map;

/**
 * A routed call that could not be completed, as a problem naming the service: 503 (with {@code Retry-After}) when the
 * service is not there, 504 when it did not answer in time, 502 when the exchange broke, and 413 when the caller's
 * streamed body passed its limit on the way. Ahead of the shared handlers, which would call these a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UpstreamProblems {

    private static final Logger log = LoggerFactory.getLogger(UpstreamProblems.class);
    /** Seconds a caller should wait before retrying a service that is down (a restart takes about this long). */
    static final long RETRY_AFTER_SECONDS = 10;

    @ExceptionHandler({RestClientException.class, UncheckedIOException.class})
    ResponseEntity<ProblemDetail> upstreamFailed(RuntimeException e, HttpServletRequest request,
                                                 HttpServletResponse response) throws IOException {
        BodySizeFilter.BodyTooLargeException tooLarge = cause(e, BodySizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            tooLarge.write(response);
            return null;
        }
        String service = service(request);
        if (cause(e, HttpConnectTimeoutException.class) == null && (cause(e, HttpTimeoutException.class) != null
                || cause(e, SocketTimeoutException.class) != null)) {
            log.warn("{} did not answer {} {} in time: {}", service, request.getMethod(), request.getRequestURI(),
                    e.toString());
            return problem(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timed out",
                    service + " did not answer in time.", service);
        }
        if (cause(e, ConnectException.class) != null || cause(e, UnknownHostException.class) != null
                || cause(e, UnresolvedAddressException.class) != null) {
            log.warn("{} is unreachable for {} {}: {}", service, request.getMethod(), request.getRequestURI(),
                    e.toString());
            ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable",
                    "Service unavailable", service + " is not reachable now; retry after " + RETRY_AFTER_SECONDS
                            + " s.", service);
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS)).body(problem.getBody());
        }
        log.warn("the exchange with {} for {} {} failed: {}", service, request.getMethod(), request.getRequestURI(),
                e.toString());
        return problem(HttpStatus.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                "The exchange with " + service + " failed: " + rootMessage(e), service);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail,
                                                         String service) {
        ResponseEntity<ProblemDetail> problem = ProblemResponses.render(status, type, title, detail, List.of());
        problem.getBody().setProperty("service", service);
        return problem;
    }

    /** The routed service's name ({@code anomaly-service}) from the route the gateway chose. */
    static String service(HttpServletRequest request) {
        Object route = request.getAttribute(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        if (route == null && request.getAttribute(MvcUtils.GATEWAY_ATTRIBUTES_ATTR) instanceof Map<?, ?> attributes) {
            route = attributes.get(MvcUtils.GATEWAY_ROUTE_ID_ATTR);
        }
        if (route == null) {
            return "the service";
        }
        String id = route.toString().replace("-api-docs", "");
        return id.endsWith("-service") ? id : id + "-service";
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

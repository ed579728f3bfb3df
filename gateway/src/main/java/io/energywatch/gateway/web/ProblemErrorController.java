package io.energywatch.gateway.web;

import io.energywatch.service.web.ProblemResponses;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * What the servlet container's error dispatch shows (an error raised outside every handler, a {@code sendError}):
 * problem+json like every other answer, never a whitelabel page or Boot's default error JSON.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status.is5xxServerError() ? "The gateway failed to answer " + (uri == null ? "the request" : uri)
                : status.getReasonPhrase() + (uri == null ? "" : ": " + uri);
        return ProblemResponses.render(status, status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                status.getReasonPhrase(), detail, List.of());
    }
}

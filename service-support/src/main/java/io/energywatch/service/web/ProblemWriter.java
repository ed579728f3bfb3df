package io.energywatch.service.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * problem+json for code that answers before or outside Spring MVC's handlers (security's entry points, the gateway's
 * rate and size filters, its CORS refusals and Tomcat's own error reports): the same shape {@link ProblemResponses}
 * renders.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The body: type, title, status, detail, an empty errors list, then {@code properties}. */
    public static byte[] body(int status, String type, String title, String detail, Map<String, Object> properties) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", ProblemResponses.TYPE_BASE + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", ProblemText.text(detail));
        body.put("errors", List.of());
        body.putAll(properties);
        return JSON.writeValueAsBytes(body);
    }

    /** Writes the problem unless the answer has already started (then there is nothing left to tell the caller). */
    public static void write(HttpServletResponse response, HttpStatus status, String type, String title,
                             String detail, Map<String, Object> properties) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        byte[] bytes = body(status.value(), type, title, detail, properties);
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    /** The problem type of a bare HTTP status: {@code too-many-requests}, or {@code http-599} for an unknown one. */
    public static String typeOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "http-" + status : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The title of a bare HTTP status: its reason phrase, or {@code HTTP 599} for an unknown one. */
    public static String titleOf(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "HTTP " + status : known.getReasonPhrase();
    }
}

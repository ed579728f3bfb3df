package io.energywatch.service.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A domain failure that maps to one RFC 9457 problem: services throw a subclass (or this) with a stable {@code type} slug,
 * and {@link ProblemResponses} renders it once, the same way everywhere.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<ProblemError> errors;

    public ProblemException(HttpStatus status, String type, String title, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                what + " '" + id + "' does not exist", List.of());
    }

    public static ProblemException badRequest(String type, String detail, List<ProblemError> errors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, type, "Invalid request", detail, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}

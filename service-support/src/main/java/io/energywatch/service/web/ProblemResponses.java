package io.energywatch.service.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.List;

/**
 * Renders every error of every service as {@code application/problem+json} (RFC 9457) with {@code type}, {@code title},
 * {@code status}, {@code detail} and an {@code errors} list (shared/DESIGN.md).
 */
@RestControllerAdvice
public class ProblemResponses {

    public static final String TYPE_BASE = "https://energywatch.io/problems/";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return render(e.status(), e.type(), e.title(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e) {
        List<ProblemError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> ProblemError.field(f.getField(), f.getRejectedValue(), reason(f))).toList();
        return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() + " field(s) are invalid", errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<ProblemError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> ProblemError.field(
                        r.getMethodParameter().getParameterName(), r.getArgument(), err.getDefaultMessage())))
                .toList();
        return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                errors.size() + " parameter(s) are invalid", errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        String reason = e.getMostSpecificCause().getMessage();
        return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "parameter '" + e.getName() + "' cannot be read: " + reason,
                List.of(ProblemError.field(e.getName(), e.getValue(), reason)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "parameter '" + e.getParameterName() + "' is required",
                List.of(ProblemError.field(e.getParameterName(), null, "required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                "multipart part '" + e.getRequestPartName() + "' is required",
                List.of(ProblemError.field(e.getRequestPartName(), null, "required")));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return render(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                e.getMostSpecificCause().getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return render(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return render(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", e.getMessage(), List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return render(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "Upload too large", e.getMessage(), List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
        return render(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), List.of());
    }

    public static ResponseEntity<ProblemDetail> render(HttpStatusCode status, String type, String title, String detail,
                                                       List<ProblemError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String reason(FieldError f) {
        return f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage();
    }
}

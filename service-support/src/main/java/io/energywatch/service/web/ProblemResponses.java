package io.energywatch.service.web;

import io.energywatch.service.stores.StoreAccessProperties;
import io.energywatch.service.stores.StoreFailure;
import io.energywatch.service.stores.StoreFailures;
import io.energywatch.service.stores.StoreUnavailableException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
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
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Renders every error of every service as {@code application/problem+json} (RFC 9457) with {@code type}, {@code title},
 * {@code status}, {@code detail} and an {@code errors} list (shared/DESIGN.md). A store that is down answers 503
 * ({@code type .../store-unavailable}, a {@code store} property and {@code Retry-After}), one that is full 507.
 */
@RestControllerAdvice
public class ProblemResponses {

    public static final String TYPE_BASE = "https://energywatch.io/problems/";
    /** A problem's property naming the store that failed: {@code mongodb}, {@code kafka} or {@code elasticsearch}. */
    public static final String STORE = "store";

    /** Errors listed in one problem: enough to fix a file, not a copy of it. */
    public static final int MAX_ERRORS = 100;

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final StoreAccessProperties stores;

    public ProblemResponses(StoreAccessProperties stores) {
        this.stores = stores;
    }

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
        String reason = e.getRequiredType() == null ? String.valueOf(e.getMostSpecificCause().getMessage())
                : "expected " + ProblemText.expected(e.getRequiredType());
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

    /**
     * A body that is not the JSON the route takes: a member of the wrong type names its path ({@code readings[3].value})
     * and what it should hold; broken or too deep JSON says where; a body cut off at the size limit is a 413.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        Optional<ResponseEntity<ProblemDetail>> tooLarge = tooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        MismatchedInputException m = mismatch(e);
        if (m != null) {
            String field = path(m);
            String reason = m instanceof UnrecognizedPropertyException ? "is not a field of this request"
                    : "expected " + ProblemText.expected(m.getTargetType());
            return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "field '" + field + "' " + reason, List.of(ProblemError.field(field,
                            m instanceof InvalidFormatException f ? f.getValue() : null, reason)));
        }
        InputCoercionException coercion = coercion(e);
        if (coercion != null) {
            // A number its field's type cannot hold (1e309 or 2^31 for an int): the JSON is fine, the field is not.
            String field = path(coercion);
            String reason = "expected " + ProblemText.expected(coercion.getTargetType()) + " its type can hold: "
                    + coercion.getOriginalMessage();
            return render(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "field '" + field + "' " + reason, List.of(ProblemError.field(field, null, reason)));
        }
        if (e.getMostSpecificCause() instanceof JacksonException j) {
            return render(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                    "the body is not readable JSON: " + j.getOriginalMessage(), List.of());
        }
        return render(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable request body",
                e.getMostSpecificCause().getMessage(), List.of());
    }

    /** The first mismatch with a path in the chain (Jackson wraps a date parser's failure in one, for example). */
    private static @Nullable MismatchedInputException mismatch(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                return m;
            }
        }
        return null;
    }

    /** A number out of its field's range, with the path of that field; null when there is none. */
    private static @Nullable InputCoercionException coercion(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputCoercionException c && !c.getPath().isEmpty()) {
                return c;
            }
        }
        return null;
    }

    /** {@code readings[3].value}: where in the body a member was refused. */
    private static String path(JacksonException e) {
        var out = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The 413 of a body that went past its route's limit while it was read (see {@link BodySizeFilter}). */
    private static Optional<ResponseEntity<ProblemDetail>> tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BodySizeFilter.BodyTooLargeException tooLarge) {
                ResponseEntity<ProblemDetail> problem = render(HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                        "Request body too large", tooLarge.detail(), List.of());
                problem.getBody().setProperty("limit", tooLarge.max().toBytes());
                problem.getBody().setProperty("routeClass", tooLarge.routeClass());
                return Optional.of(problem);
            }
        }
        return Optional.empty();
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

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ProblemDetail> storeFailed(StoreUnavailableException e) {
        return store(e.failure());
    }

    /**
     * Everything no other handler takes: a store's failure (the clients' and Spring's exceptions) is the store's
     * problem, Spring's own web exceptions keep their status, and anything else is a 500 whose body names no Java class
     * (the log has the stack trace under the reference the body gives).
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        Optional<ResponseEntity<ProblemDetail>> tooLarge = tooLarge(e);
        if (tooLarge.isPresent()) {
            return tooLarge.get();
        }
        Optional<StoreFailure> store = StoreFailures.classify(e);
        if (store.isPresent()) {
            log.warn("{} ({})", store.get().summary(), e.toString());
            return store(store.get());
        }
        if (e instanceof ErrorResponse web) {
            HttpStatusCode status = web.getStatusCode();
            String slug = ProblemWriter.typeOf(status.value());
            String title = ProblemWriter.titleOf(status.value());
            String detail = web.getBody().getDetail() == null ? title : web.getBody().getDetail();
            return render(status, slug, title, detail, List.of());
        }
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, e);
        return render(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service failed unexpectedly; the error is logged under reference " + reference + ".", List.of());
    }

    /** 503 with {@code Retry-After} while a store is unreachable; 507 when it refuses writes for lack of space. */
    private ResponseEntity<ProblemDetail> store(StoreFailure failure) {
        HttpStatus status = failure.kind() == StoreFailure.Kind.FULL
                ? HttpStatus.INSUFFICIENT_STORAGE : HttpStatus.SERVICE_UNAVAILABLE;
        String type = failure.kind() == StoreFailure.Kind.FULL ? "store-full" : "store-unavailable";
        ResponseEntity<ProblemDetail> problem = render(status, type, failure.title(),
                failure.detail(stores.retryAfter()), List.of());
        ProblemDetail body = problem.getBody();
        body.setProperty(STORE, failure.store().id());
        var response = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.SERVICE_UNAVAILABLE) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(stores.retryAfter().toSeconds()));
        }
        return response.body(body);
    }

    /**
     * The problem, its detail and each error's value and reason bounded and without class names ({@link ProblemText}),
     * at most {@link #MAX_ERRORS} errors.
     */
    public static ResponseEntity<ProblemDetail> render(HttpStatusCode status, String type, String title, String detail,
                                                       List<ProblemError> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, ProblemText.text(detail));
        body.setType(URI.create(TYPE_BASE + type));
        body.setTitle(title);
        body.setProperty("errors", errors.stream().limit(MAX_ERRORS).map(ProblemError::bounded).toList());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String reason(FieldError f) {
        return f.getDefaultMessage() == null ? "invalid" : f.getDefaultMessage();
    }
}

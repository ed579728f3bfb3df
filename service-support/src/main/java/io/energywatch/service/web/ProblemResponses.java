package io.energywatch.service.web;

import io.energywatch.service.stores.StoreAccessProperties;
import io.energywatch.service.stores.StoreFailure;
import io.energywatch.service.stores.StoreFailures;
import io.energywatch.service.stores.StoreUnavailableException;
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

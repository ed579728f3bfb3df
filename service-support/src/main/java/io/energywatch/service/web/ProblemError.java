package io.energywatch.service.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a problem's {@code errors} list: {@code {field, value, reason}} for request fields, or
 * {@code {line, field, reason}} for rows of an uploaded file.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(@Nullable Long line, @Nullable String field, @Nullable String value, String reason) {

    public static ProblemError field(String field, @Nullable Object value, String reason) {
        return new ProblemError(null, field, value == null ? null : String.valueOf(value), reason);
    }

    public static ProblemError line(long line, @Nullable String field, String reason) {
        return new ProblemError(line, field, null, reason);
    }

    /** This error as a problem body quotes it: field and value cut short, reason without class names. */
    ProblemError bounded() {
        return new ProblemError(line, ProblemText.value(field), ProblemText.value(value), ProblemText.text(reason));
    }
}

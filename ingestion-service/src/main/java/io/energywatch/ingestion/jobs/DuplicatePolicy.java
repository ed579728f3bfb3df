package io.energywatch.ingestion.jobs;

import io.energywatch.service.web.ProblemError;
import io.energywatch.service.web.ProblemException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an upload does with consumption records sharing a series and interval start ({@code duplicates=}), the same
 * choices as {@code /detect}: keep the first or the last in file order, merge them into their mean, or reject the
 * repeats naming their lines.
 */
enum DuplicatePolicy {
    FIRST, LAST, MEAN, REJECT;

    static final String PARAMETER = "duplicates";

    static DuplicatePolicy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", PARAMETER + " is not a duplicates policy",
                    List.of(ProblemError.field(PARAMETER, text, "expected one of " + String.join("|",
                            Arrays.stream(values()).map(DuplicatePolicy::label).toList()))));
        }
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

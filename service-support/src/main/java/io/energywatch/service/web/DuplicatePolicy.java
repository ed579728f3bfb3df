package io.energywatch.service.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What an upload does with records sharing a series and timestamp ({@code duplicates=}), the same choices for
 * ingestion's uploads and for {@code /detect}: keep the first or the last in file order, merge them into their mean,
 * or reject the repeats.
 */
public enum DuplicatePolicy {
    FIRST, LAST, MEAN, REJECT;

    public static final String PARAMETER = "duplicates";

    /** The policy named by a request parameter; a 400 naming {@code duplicates} for any other text. */
    public static DuplicatePolicy parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-request", PARAMETER + " is not a duplicates policy",
                    List.of(ProblemError.field(PARAMETER, text, "expected one of " + String.join("|",
                            Arrays.stream(values()).map(DuplicatePolicy::label).toList()))));
        }
    }

    /** The parameter's spelling: {@code first}, {@code last}, {@code mean}, {@code reject}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
